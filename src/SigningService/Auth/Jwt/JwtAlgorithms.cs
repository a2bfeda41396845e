using System.Security.Cryptography;

namespace SigningService.Auth.Jwt;

/// <summary>The only algorithms accepted, and which key each one needs (RFC 7518 §3).</summary>
internal static class JwtAlgorithms
{
    public const string RS256 = "RS256";
    public const string PS256 = "PS256";
    public const string ES256 = "ES256";
    public const string ES384 = "ES384";
    public const int MinRsaBits = 2048;

    public static bool IsSupported(string alg) => alg is RS256 or PS256 or ES256 or ES384;

    public static bool Fits(string alg, JsonWebKey key) =>
        (key.Algorithm is null || string.Equals(key.Algorithm, alg, StringComparison.Ordinal))
        && (key.Use is null || key.Use == "sig")
        && key.KeyType == alg switch
        {
            RS256 or PS256 => JsonWebKeyType.Rsa,
            ES256 => JsonWebKeyType.EcP256,
            ES384 => JsonWebKeyType.EcP384,
            _ => (JsonWebKeyType)(-1),
        };

    public static bool Verify(string alg, JsonWebKey key, ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        try
        {
            switch (alg)
            {
                case RS256:
                case PS256:
                {
                    using var rsa = key.CreateRsa();
                    var padding = alg == RS256 ? RSASignaturePadding.Pkcs1 : RSASignaturePadding.Pss;
                    return signature.Length == (key.KeySizeBits + 7) / 8
                        && rsa.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, padding);
                }
                case ES256:
                case ES384:
                {
                    using var ecdsa = key.CreateEcdsa();
                    // JWS carries r||s with fixed-width fields (RFC 7518 §3.4), not ASN.1 DER.
                    var hash = alg == ES256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA384;
                    return signature.Length == 2 * (key.KeySizeBits / 8)
                        && ecdsa.VerifyData(signingInput, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
                default:
                    return false;
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
