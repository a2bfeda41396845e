using System.Security.Cryptography;

namespace SigningService.Auth.Jwt;

public enum JsonWebKeyType
{
    Rsa,
    EcP256,
    EcP384,
}

/// <summary>
/// A public verification key from a JWKS. Holds parameters, not a live RSA/ECDsa object, so a cache swap
/// never disposes a key another request is verifying with; each verification imports its own copy.
/// </summary>
public sealed class JsonWebKey
{
    private readonly RSAParameters _rsa;
    private readonly ECParameters _ec;

    private JsonWebKey(string kid, JsonWebKeyType type, string? alg, string? use, int keySizeBits, RSAParameters rsa, ECParameters ec)
    {
        KeyId = kid;
        KeyType = type;
        Algorithm = alg;
        Use = use;
        KeySizeBits = keySizeBits;
        _rsa = rsa;
        _ec = ec;
    }

    public string KeyId { get; }

    public JsonWebKeyType KeyType { get; }

    /// <summary>The JWK's optional `alg`; when present a token must use exactly this algorithm.</summary>
    public string? Algorithm { get; }

    /// <summary>The JWK's optional `use`; when present it must be `sig`.</summary>
    public string? Use { get; }

    public int KeySizeBits { get; }

    internal static JsonWebKey ForRsa(string kid, string? alg, string? use, byte[] modulus, byte[] exponent)
    {
        var trimmed = modulus.AsSpan().TrimStart((byte)0).ToArray();
        var bits = trimmed.Length == 0 ? 0 : ((trimmed.Length - 1) * 8) + (8 - byte.LeadingZeroCount(trimmed[0]));
        return new(kid, JsonWebKeyType.Rsa, alg, use, bits, new RSAParameters { Modulus = trimmed, Exponent = exponent }, default);
    }

    internal static JsonWebKey ForEc(string kid, JsonWebKeyType type, string? alg, string? use, byte[] x, byte[] y)
    {
        var curve = type == JsonWebKeyType.EcP256 ? ECCurve.NamedCurves.nistP256 : ECCurve.NamedCurves.nistP384;
        var parameters = new ECParameters { Curve = curve, Q = new ECPoint { X = x, Y = y } };
        return new(kid, type, alg, use, x.Length * 8, default, parameters);
    }

    internal RSA CreateRsa()
    {
        if (KeyType != JsonWebKeyType.Rsa)
        {
            throw new InvalidOperationException("Not an RSA key.");
        }
        return RSA.Create(_rsa);
    }

    internal ECDsa CreateEcdsa()
    {
        if (KeyType == JsonWebKeyType.Rsa)
        {
            throw new InvalidOperationException("Not an EC key.");
        }
        return ECDsa.Create(_ec);
    }
}
