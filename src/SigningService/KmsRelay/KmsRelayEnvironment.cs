namespace SigningService.KmsRelay;

// What a job worker needs to run cosign against the relay. Dispose when the cosign child has
// exited: that revokes the token. ToString never shows the token.
public sealed class KmsRelayEnvironment(CapabilityLease lease, string keyReference, IReadOnlyDictionary<string, string> variables) : IDisposable
{
    // Pass as `cosign ... --key <KeyReference>`.
    public string KeyReference { get; } = keyReference;

    // The cosign child's environment (merge into a minimal env; includes PATH).
    public IReadOnlyDictionary<string, string> Variables { get; } = variables;

    public string JobId => lease.JobId;

    public string KeyName => lease.KeyName;

    public void Dispose() => lease.Dispose();

    public override string ToString() => $"KmsRelayEnvironment(job {JobId}, {KeyReference})";
}
