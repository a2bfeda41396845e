namespace SigningService.Processes;

/// <summary>
/// What to run. Arguments are passed as a list (no shell ever parses them) and the child sees only
/// <see cref="Environment"/>: nothing of the service's own environment leaks into it.
/// </summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Characters kept of each of stdout and stderr; the rest is read and dropped.</summary>
    public int MaxOutputChars { get; init; } = 1 << 20;

    /// <summary>Bytes written to the child's stdin, which is then closed; null closes it at once.</summary>
    public byte[]? StandardInput { get; init; }
}
