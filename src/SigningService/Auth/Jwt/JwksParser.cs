using System.Security.Cryptography;
using System.Text.Json;

namespace SigningService.Auth.Jwt;

/// <summary>
/// Reads a JWKS document into verification keys. Keys we cannot or must not use (symmetric `oct`,
/// unknown types or curves, private material, encryption-only, malformed) are skipped, not fatal:
/// issuers publish keys for other consumers too.
/// </summary>
internal static class JwksParser
{
    public const int MaxKeys = 100;
    private const int MaxRsaBits = 8192;

    public static IReadOnlyList<JsonWebKey> Parse(ReadOnlyMemory<byte> utf8, out int skipped)
    {
        using var document = StrictJson.TryParseObject(utf8)
            ?? throw new JwksFormatException("JWKS is not a JSON object (or has duplicate members or is too deep).");
        if (!document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            throw new JwksFormatException("JWKS has no `keys` array.");
        }
        if (keys.GetArrayLength() > MaxKeys)
        {
            throw new JwksFormatException($"JWKS has more than {MaxKeys} keys.");
        }
        var result = new List<JsonWebKey>();
        skipped = 0;
        foreach (var jwk in keys.EnumerateArray())
        {
            if (TryParseKey(jwk) is { } key)
            {
                result.Add(key);
            }
            else
            {
                skipped++;
            }
        }
        return result;
    }

    private static JsonWebKey? TryParseKey(JsonElement jwk)
    {
        try
        {
            return TryParseKeyCore(jwk);
        }
        catch (InvalidOperationException)
        {
            return null; // a member had the wrong JSON type
        }
    }

    private static JsonWebKey? TryParseKeyCore(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object
            || GetString(jwk, "kid") is not { Length: > 0 } kid
            || GetString(jwk, "kty") is not { } kty
            || jwk.TryGetProperty("d", out _))
        {
            return null;
        }
        var use = GetString(jwk, "use");
        var alg = GetString(jwk, "alg");
        if (use is not null && use != "sig")
        {
            return null;
        }
        if (jwk.TryGetProperty("key_ops", out var ops) && !AllowsVerify(ops))
        {
            return null;
        }
        var key = kty switch
        {
            "RSA" => ParseRsa(jwk, kid, alg, use),
            "EC" => ParseEc(jwk, kid, alg, use),
            _ => null, // "oct" and anything else: never usable for verification here
        };
        return key is not null && ImportsCleanly(key) ? key : null;
    }

    private static JsonWebKey? ParseRsa(JsonElement jwk, string kid, string? alg, string? use)
    {
        if (!TryGetBytes(jwk, "n", out var n) || !TryGetBytes(jwk, "e", out var e))
        {
            return null;
        }
        // Public exponents are small and odd (65537 in practice); a huge one is only a CPU-cost lever.
        if (e.Length is 0 or > 4 || (e[^1] & 1) == 0 || (e.Length == 1 && e[0] < 3))
        {
            return null;
        }
        var key = JsonWebKey.ForRsa(kid, alg, use, n, e);
        return key.KeySizeBits is >= 512 and <= MaxRsaBits ? key : null;
    }

    private static JsonWebKey? ParseEc(JsonElement jwk, string kid, string? alg, string? use)
    {
        var (type, size) = GetString(jwk, "crv") switch
        {
            "P-256" => (JsonWebKeyType.EcP256, 32),
            "P-384" => (JsonWebKeyType.EcP384, 48),
            _ => ((JsonWebKeyType?)null, 0),
        };
        if (type is null || !TryGetBytes(jwk, "x", out var x) || !TryGetBytes(jwk, "y", out var y))
        {
            return null;
        }
        // RFC 7518 §6.2.1.2: coordinates are full-length; anything else is malformed.
        return x.Length == size && y.Length == size ? JsonWebKey.ForEc(kid, type.Value, alg, use, x, y) : null;
    }

    private static bool ImportsCleanly(JsonWebKey key)
    {
        try
        {
            // The import checks that an EC point is on its curve.
            using IDisposable _ = key.KeyType == JsonWebKeyType.Rsa ? key.CreateRsa() : key.CreateEcdsa();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static bool AllowsVerify(JsonElement ops) =>
        ops.ValueKind == JsonValueKind.Array
        && ops.EnumerateArray().Any(o => o.ValueKind == JsonValueKind.String && o.ValueEquals("verify"));

    private static string? GetString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) ? (value.ValueKind == JsonValueKind.String ? value.GetString() : throw new InvalidOperationException()) : null;

    private static bool TryGetBytes(JsonElement obj, string name, out byte[] bytes)
    {
        bytes = [];
        return GetString(obj, name) is { } text && Base64UrlStrict.TryDecode(text, out bytes) && bytes.Length > 0;
    }
}
