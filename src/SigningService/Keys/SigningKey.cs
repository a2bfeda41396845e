namespace SigningService.Keys;

/// <summary>A named key the service can sign with.</summary>
public abstract class SigningKey(string name, string kind, string publicKeyPem)
{
    public string Name { get; } = name;
    public string Kind { get; } = kind;
    public string PublicKeyPem { get; } = publicKeyPem;
    public string Algorithm { get; } = PublicKeyInfo.Algorithm(publicKeyPem) ?? "unknown";

    /// <summary>What cosign gets as --key, and the secrets its environment needs for it.</summary>
    public abstract Task<CosignKeyReference> ForCosignAsync(string jobId, CancellationToken cancellationToken);
}

/// <summary>
/// A key as cosign sees it. Disposing ends whatever access the job was granted (e.g. an HSM token).
/// Pass it to a run with <see cref="Cosign.CosignRun.WithKey"/> so both dictionaries reach the child.
/// </summary>
public sealed class CosignKeyReference(string keyArgument, IReadOnlyDictionary<string, string> secrets, IDisposable? lease = null)
    : IDisposable
{
    public string KeyArgument { get; } = keyArgument;
    public IReadOnlyDictionary<string, string> Secrets { get; } = secrets;

    /// <summary>Non-secret variables cosign needs for this key (e.g. PATH to the KMS plugin, the relay socket).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public void Dispose() => lease?.Dispose();
}
