using System.Security.Cryptography;

namespace SigningService.Keys;

/// <summary>Names the algorithm of an SPKI PEM public key, with nothing but the BCL.</summary>
public static class PublicKeyInfo
{
    /// <summary>"ecdsa-p256", "rsa-3072", ...; null when the text is not a public key we can use.</summary>
    public static string? Algorithm(string pem)
    {
        if (!pem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return ec.KeySize switch { 256 => "ecdsa-p256", 384 => "ecdsa-p384", 521 => "ecdsa-p521", var n => $"ecdsa-{n}" };
        }
        catch (CryptographicException)
        {
        }
        catch (ArgumentException)
        {
        }
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return $"rsa-{rsa.KeySize}";
        }
        catch (CryptographicException)
        {
        }
        catch (ArgumentException)
        {
        }
        return pem.Contains("-----BEGIN PUBLIC KEY-----", StringComparison.Ordinal) ? "unknown" : null;
    }
}
