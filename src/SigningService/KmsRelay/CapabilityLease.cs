namespace SigningService.KmsRelay;

// Holds one job's token; disposing it (when the job ends) revokes the token at once.
public sealed class CapabilityLease(CapabilityTokenStore store, string jobId, string keyName, string token) : IDisposable
{
    private int _disposed;

    public string JobId { get; } = jobId;
    public string KeyName { get; } = keyName;

    // The secret: only ever placed in the cosign child's environment.
    public string Token { get; } = token;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            store.RevokeToken(Token);
        }
    }

    public override string ToString() => $"CapabilityLease(job {JobId}, key {KeyName})";
}
