namespace SigningService.Cosign;

/// <summary>One cosign invocation. Secrets go in <see cref="Secrets"/>, which reach only the child's environment.</summary>
public sealed record CosignRun(string Command, IReadOnlyList<string> Arguments, string Home)
{
    public IReadOnlyDictionary<string, string> Secrets { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string? WorkingDirectory { get; init; }
    public byte[]? StandardInput { get; init; }

    /// <summary>
    /// The remote endpoint this run talks to (registry host, Rekor URL), if any. Runs that name one
    /// get retries on transient failures and a circuit breaker per endpoint; local-only runs do not.
    /// </summary>
    public string? RemoteEndpoint { get; init; }

    /// <summary>This run with the key's secrets and environment merged in (the key's values win).</summary>
    public CosignRun WithKey(Keys.CosignKeyReference key) => this with
    {
        Secrets = Merge(Secrets, key.Secrets),
        Environment = Merge(Environment, key.Environment),
    };

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var merged = new Dictionary<string, string>(a, StringComparer.Ordinal);
        foreach (var (name, value) in b)
        {
            merged[name] = value;
        }
        return merged;
    }
}
