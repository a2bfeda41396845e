using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SigningService.Auth.ApiKeys;

/// <summary>
/// Checks presented API keys against configured SHA-256 hashes. Every configured hash is compared
/// in constant time on every call, so timing reveals neither which key matched nor how much of it.
/// A plain hash (no salt/KDF) is enough because keys are 256-bit random values, not passwords.
/// </summary>
public sealed class ApiKeyHasher
{
    public const string KeyPrefix = "ss_";
    private const int KeyRandomBytes = 32;
    private const int MaxPresentedKeyLength = 512;

    private readonly (string Name, byte[] Hash)[] _keys;

    public ApiKeyHasher(IOptions<ApiKeyOptions> options)
    {
        _keys = [.. options.Value.Keys.Select(k => (k.Name, Convert.FromHexString(k.Sha256)))];
    }

    public bool TryAuthenticate(string? presentedKey, out string name)
    {
        name = "";
        if (string.IsNullOrEmpty(presentedKey) || presentedKey.Length > MaxPresentedKeyLength)
        {
            return false;
        }
        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey), presented);
        var matched = -1;
        for (var i = 0; i < _keys.Length; i++)
        {
            // No early exit: the loop does the same work whichever entry matches.
            var equal = CryptographicOperations.FixedTimeEquals(presented, _keys[i].Hash);
            matched = equal ? i : matched;
        }
        if (matched < 0)
        {
            return false;
        }
        name = _keys[matched].Name;
        return true;
    }

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes: the value to put in configuration.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key (`ss_` + 32 random bytes, base64url) and its hash. Show the key once; store only the hash.</summary>
    public static (string Key, string Sha256) GenerateKey()
    {
        var key = KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(KeyRandomBytes));
        return (key, Hash(key));
    }

    internal static bool IsSha256Hex(string? value) =>
        value is { Length: 64 } && value.All(char.IsAsciiHexDigit);
}
