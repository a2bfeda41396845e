using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using SigningService.Cryptoki;
using SigningService.Cryptoki.Pooling;
using SigningService.Cryptoki.Uri;
using SigningService.Keys;
using SigningService.KmsRelay;

namespace SigningService.Hsm;

/// <summary>
/// Adds the "Keys:Hsm" keys to the registry with their public keys read from the token. A key whose token
/// is not ready (wrong PIN, missing) is left out and reported by readiness; the service still starts.
/// </summary>
public sealed partial class HsmKeyLoader(
    KeyRegistry registry, HsmTokenPools pools, KmsRelayEnvironmentFactory relay, IOptions<KeysOptions> options,
    ILogger<HsmKeyLoader> logger) : IHostedService
{
    private readonly ConcurrentDictionary<string, string> _notLoaded = new(StringComparer.Ordinal);

    /// <summary>Configured HSM keys that could not be loaded, with the reason (no secrets in it).</summary>
    public IReadOnlyDictionary<string, string> NotLoaded => _notLoaded;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, key) in options.Value.Hsm.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var pool = pools.Find(key.Token)!; // validated at start
            var selector = Pkcs11Uri.Parse(key.Uri).ToKeySelector();
            try
            {
                var publicKey = pool.GetPublicKey(selector, cancellationToken);
                if (!HsmKeyAlgorithms.IsSupported(publicKey))
                {
                    throw new NotSupportedException($"its algorithm {publicKey.Algorithm} cannot sign for cosign");
                }
                registry.Add(new HsmSigningKey(name, key.Token, pool, selector, publicKey, relay));
                LogLoaded(logger, name, key.Token, publicKey.Algorithm);
            }
            catch (Exception ex) when (ex is HsmTokenUnavailableException or Pkcs11Exception or KeyNotFoundException
                or InvalidOperationException or NotSupportedException)
            {
                _notLoaded[name] = $"HSM key '{name}' on token '{key.Token}' is not loaded: {ex.Message}";
                LogNotLoaded(logger, name, key.Token, ex.Message);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "HSM key '{Key}' loaded from token '{Token}' ({Algorithm})")]
    private static partial void LogLoaded(ILogger logger, string key, string token, string algorithm);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Error, Message = "HSM key '{Key}' on token '{Token}' is not loaded: {Reason}")]
    private static partial void LogNotLoaded(ILogger logger, string key, string token, string reason);
}
