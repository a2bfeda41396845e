using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace SigningService.KmsRelay;

// Per-job bearer tokens that let a cosign child (through the plugin) use exactly one key for a
// limited time. Only SHA-256 hashes are kept, so a memory dump reveals no usable token.
public sealed class CapabilityTokenStore(TimeProvider timeProvider)
{
    private const int TokenBytes = 32;
    private static readonly int TokenLength = Base64Url.GetEncodedLength(TokenBytes);

    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    // Seam for tests: must be a constant-time comparison.
    internal Func<byte[], byte[], bool> HashEquals { get; init; } = static (a, b) => CryptographicOperations.FixedTimeEquals(a, b);

    public string Issue(string jobId, string keyName, TimeSpan lifetime)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        var entry = new Entry(Hash(token), jobId, keyName, timeProvider.GetUtcNow() + lifetime);
        lock (_gate)
        {
            PurgeExpired();
            _entries.Add(entry);
        }
        return token;
    }

    public CapabilityLease Lease(string jobId, string keyName, TimeSpan lifetime) =>
        new(this, jobId, keyName, Issue(jobId, keyName, lifetime));

    public bool TryValidate(string? token, string keyName, [NotNullWhen(true)] out string? jobId)
    {
        jobId = null;
        if (token is null || token.Length != TokenLength)
        {
            return false;
        }
        var hash = Hash(token);
        lock (_gate)
        {
            PurgeExpired();
            // Compare against every entry without stopping early: timing says nothing about
            // which (or whether a) stored hash matched.
            Entry? match = null;
            foreach (var entry in _entries)
            {
                if (HashEquals(entry.Hash, hash))
                {
                    match = entry;
                }
            }
            if (match is null || !string.Equals(match.KeyName, keyName, StringComparison.Ordinal))
            {
                return false;
            }
            jobId = match.JobId;
            return true;
        }
    }

    public int Revoke(string jobId)
    {
        lock (_gate)
        {
            return _entries.RemoveAll(e => string.Equals(e.JobId, jobId, StringComparison.Ordinal));
        }
    }

    internal void RevokeToken(string token)
    {
        var hash = Hash(token);
        lock (_gate)
        {
            _entries.RemoveAll(e => HashEquals(e.Hash, hash));
        }
    }

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    private void PurgeExpired()
    {
        var now = timeProvider.GetUtcNow();
        _entries.RemoveAll(e => e.ExpiresAt <= now);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private sealed record Entry(byte[] Hash, string JobId, string KeyName, DateTimeOffset ExpiresAt);
}
