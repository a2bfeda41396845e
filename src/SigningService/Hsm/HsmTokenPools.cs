using Microsoft.Extensions.Options;
using SigningService.Cryptoki.Pooling;

namespace SigningService.Hsm;

/// <summary>One session pool per configured token, by token name. Pools connect in <see cref="HsmConnector"/>.</summary>
public sealed class HsmTokenPools : IDisposable
{
    private readonly Dictionary<string, HsmTokenPool> _pools = new(StringComparer.Ordinal);

    public HsmTokenPools(IOptions<HsmOptions> options, TimeProvider timeProvider)
    {
        foreach (var (name, token) in options.Value.Tokens.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            _pools[name] = new HsmTokenPool(ToPoolOptions(token), timeProvider);
        }
    }

    public IReadOnlyDictionary<string, HsmTokenPool> All => _pools;

    public HsmTokenPool? Find(string tokenName) => _pools.GetValueOrDefault(tokenName);

    public static HsmTokenPoolOptions ToPoolOptions(HsmTokenOptions token) => new()
    {
        ModulePath = token.ModulePath,
        TokenLabel = string.IsNullOrEmpty(token.TokenLabel) ? null : token.TokenLabel,
        TokenSerial = string.IsNullOrEmpty(token.TokenSerial) ? null : token.TokenSerial,
        MaxSessions = token.MaxSessions,
        PinProvider = token.PinFile is { Length: > 0 } file
            ? HsmPinSources.FromFile(file)
            : HsmPinSources.FromEnvironment(token.PinEnvironmentVariable!),
    };

    public void Dispose()
    {
        foreach (var pool in _pools.Values)
        {
            pool.Dispose();
        }
    }
}
