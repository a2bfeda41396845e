using System.Security.Cryptography;
using SigningService.Cryptoki.Keys;
using SigningService.KmsRelay;

namespace SigningService.Hsm;

/// <summary>
/// What the KMS plugin answers for defaultAlgorithm / supportedAlgorithms, in sigstore's algorithm names.
/// The hash follows the key the way sigstore's defaults do (P-256 → SHA-256, P-384 → SHA-384, RSA → SHA-256),
/// so `cosign verify-blob --key pub.pem` picks the same hash from the public key alone.
/// </summary>
public static class HsmKeyAlgorithms
{
    public static KmsKeyInfo Describe(HsmPublicKey key)
    {
        var (algorithm, hash) = key.Algorithm switch
        {
            "ecdsa-p256" => ("ecdsa-sha2-256-nistp256", HashAlgorithmName.SHA256),
            "ecdsa-p384" => ("ecdsa-sha2-384-nistp384", HashAlgorithmName.SHA384),
            "ecdsa-p521" => ("ecdsa-sha2-512-nistp521", HashAlgorithmName.SHA512),
            "rsa-2048" or "rsa-3072" or "rsa-4096" => ($"rsa-sign-pkcs1-{key.KeySizeBits}-sha256", HashAlgorithmName.SHA256),
            var other => throw new NotSupportedException($"HSM key algorithm {other} is not supported for cosign signing"),
        };
        return new KmsKeyInfo(key.Pem, algorithm, [algorithm], hash);
    }

    public static bool IsSupported(HsmPublicKey key) =>
        key.Algorithm is "ecdsa-p256" or "ecdsa-p384" or "ecdsa-p521" or "rsa-2048" or "rsa-3072" or "rsa-4096";
}
