namespace SigningService.Cryptoki.Keys;

// Algorithm: "ecdsa-p256", "ecdsa-p384", "ecdsa-p521", "rsa-2048", "rsa-3072", ...
public sealed record HsmPublicKey(string Algorithm, CKK KeyType, int KeySizeBits, byte[] SubjectPublicKeyInfo, string Pem);
