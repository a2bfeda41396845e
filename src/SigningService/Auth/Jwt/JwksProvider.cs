using Microsoft.Extensions.Logging;

namespace SigningService.Auth.Jwt;

/// <summary>
/// One issuer's verification keys. Keys are cached for <see cref="OidcIssuerOptions.JwksCacheLifetime"/>;
/// an unknown `kid` triggers a refresh, but fetches of any cause are at least
/// <see cref="OidcIssuerOptions.JwksMinRefreshInterval"/> apart and single-flight, so a flood of tokens
/// with made-up `kid`s costs the issuer at most one request per interval. A failed fetch keeps the old keys.
/// </summary>
public sealed partial class JwksProvider(OidcIssuerOptions options, IJwksSource source, TimeProvider time, ILogger<JwksProvider> logger)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;
    private DateTimeOffset? _lastAttempt; // only touched under _gate
    private long _fetchAttempts;

    public string Issuer => options.Issuer;

    /// <summary>How many fetches were started (for tests and metrics).</summary>
    public long FetchAttempts => Interlocked.Read(ref _fetchAttempts);

    /// <summary>
    /// Keys with this `kid` (usually one); empty if unknown even after an allowed refresh;
    /// null if no JWKS could ever be loaded.
    /// </summary>
    public async ValueTask<IReadOnlyList<JsonWebKey>?> FindKeysAsync(string kid, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _current);
        if (snapshot is not null && !IsExpired(snapshot))
        {
            var found = snapshot.Find(kid);
            if (found.Count > 0)
            {
                return found;
            }
        }
        snapshot = await RefreshAsync(snapshot, cancellationToken);
        return snapshot?.Find(kid);
    }

    public void Dispose() => _gate.Dispose();

    private bool IsExpired(Snapshot snapshot) => time.GetUtcNow() - snapshot.FetchedAt >= options.JwksCacheLifetime;

    private async Task<Snapshot?> RefreshAsync(Snapshot? seen, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var current = Volatile.Read(ref _current);
            if (!ReferenceEquals(current, seen))
            {
                return current; // another caller refreshed while we waited
            }
            var now = time.GetUtcNow();
            if (_lastAttempt is { } last && now - last < options.JwksMinRefreshInterval)
            {
                return current;
            }
            _lastAttempt = now;
            Interlocked.Increment(ref _fetchAttempts);
            return await FetchAsync(now) ?? current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<Snapshot?> FetchAsync(DateTimeOffset now)
    {
        // Not linked to the caller's token: one caller giving up must not fail the fetch others wait for.
        using var timeout = new CancellationTokenSource(options.JwksFetchTimeout, time);
        try
        {
            var bytes = await source.FetchAsync(timeout.Token);
            var keys = JwksParser.Parse(bytes, out var skipped);
            var fresh = new Snapshot(keys, now);
            Volatile.Write(ref _current, fresh);
            LogJwksLoaded(logger, options.Issuer, keys.Count, skipped);
            return fresh;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or UnauthorizedAccessException
                                       or JwksFormatException or OperationCanceledException)
        {
            LogJwksFetchFailed(logger, options.Issuer, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "JWKS for issuer {Issuer} loaded: {KeyCount} usable keys, {Skipped} skipped")]
    private static partial void LogJwksLoaded(ILogger logger, string issuer, int keyCount, int skipped);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "JWKS fetch for issuer {Issuer} failed ({ErrorType}: {Error}); keeping previous keys")]
    private static partial void LogJwksFetchFailed(ILogger logger, string issuer, string errorType, string error);

    private sealed class Snapshot(IReadOnlyList<JsonWebKey> keys, DateTimeOffset fetchedAt)
    {
        public DateTimeOffset FetchedAt { get; } = fetchedAt;

        public IReadOnlyList<JsonWebKey> Find(string kid) => [.. keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal))];
    }
}
