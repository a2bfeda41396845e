using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace SigningService.KmsRelay;

// The keys the relay may use. The relay always hands over a digest (it hashes a raw message
// itself), so an HSM implementation signs with CKM_ECDSA / CKM_RSA_PKCS over the digest and a
// software implementation calls SignHash: neither re-hashes.
public interface IKmsKeySigner
{
    bool TryGetKey(string keyName, [MaybeNullWhen(false)] out KmsKeyInfo info);

    // Returns the signature as cosign stores it: ASN.1 DER SEQUENCE{r,s} for ECDSA (convert from
    // PKCS#11's raw r||s), PKCS#1 v1.5 for RSA.
    Task<byte[]> SignDigestAsync(string keyName, HashAlgorithmName hash, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken);
}
