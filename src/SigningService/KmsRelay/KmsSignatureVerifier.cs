using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SigningService.KmsRelay;

// verifySignature is answered with the public key alone; no HSM session is needed.
internal static class KmsSignatureVerifier
{
    public static bool Verify(string publicKeyPem, HashAlgorithmName hash, byte[] digest, byte[] signature)
    {
        var fields = PemEncoding.Find(publicKeyPem);
        var der = Convert.FromBase64String(publicKeyPem[fields.Base64Data]);
        var publicKey = PublicKey.CreateFromSubjectPublicKeyInfo(der, out _);
        using var ecdsa = publicKey.GetECDsaPublicKey();
        if (ecdsa is not null)
        {
            return ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
        }
        using var rsa = publicKey.GetRSAPublicKey();
        return rsa is not null && rsa.VerifyHash(digest, signature, hash, RSASignaturePadding.Pkcs1);
    }
}
