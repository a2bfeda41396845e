namespace SigningService.Cosign;

/// <summary>One cosign invocation. Secrets go in <see cref="Secrets"/>, which reach only the child's environment.</summary>
public sealed record CosignRun(string Command, IReadOnlyList<string> Arguments, string Home)
{
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }
    public byte[]? StandardInput { get; init; }
}
