using System.Security.Cryptography;

namespace SigningService.KmsRelay;

// PublicKeyPem is an SPKI "PUBLIC KEY" PEM. Algorithm names follow sigstore's
// (e.g. "ecdsa-sha2-256-nistp256", "rsa-sign-pkcs1-3072-sha256").
public sealed record KmsKeyInfo(
    string PublicKeyPem,
    string DefaultAlgorithm,
    IReadOnlyList<string> SupportedAlgorithms,
    HashAlgorithmName DefaultHash);
