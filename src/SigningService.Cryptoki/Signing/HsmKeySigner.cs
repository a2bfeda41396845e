using System.Security.Cryptography;

namespace SigningService.Cryptoki.Signing;

// Signs with a private key held in the token. ECDSA results are DER (Rfc3279DerSequence), RSA results raw.
// mechanisms: what the slot offers; when it offers hash-and-sign mechanisms, SignData hands the data to the token.
public sealed class HsmKeySigner(Session session, ObjectHandle privateKey, CKK keyType, IReadOnlySet<CKM>? mechanisms = null)
{
    public CKK KeyType { get; } = keyType;

    public static HsmKeySigner Create(Session session, ObjectHandle privateKey, IReadOnlySet<CKM>? mechanisms = null)
    {
        var keyType = (CKK)session.GetAttributeValue(privateKey, CKA.CKA_KEY_TYPE).GetULong();
        return new HsmKeySigner(session, privateKey, keyType, mechanisms);
    }

    public byte[] SignDigest(HashAlgorithmName hash, ReadOnlySpan<byte> digest, HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1)
    {
        var info = HashInfo.For(hash);
        if (digest.Length != info.Length)
        {
            throw new ArgumentException($"a {hash.Name} digest is {info.Length} bytes, got {digest.Length}", nameof(digest));
        }
        return KeyType switch
        {
            CKK.CKK_EC => EcdsaSignatureConverter.RawToDer(session.Sign(new Mechanism(CKM.CKM_ECDSA), privateKey, digest)),
            CKK.CKK_RSA when padding == HsmSignaturePadding.Pkcs1 =>
                session.Sign(new Mechanism(CKM.CKM_RSA_PKCS), privateKey, info.DigestInfo(digest)),
            CKK.CKK_RSA => session.Sign(Pss(info), privateKey, digest),
            _ => throw new NotSupportedException($"key type {KeyType} cannot sign"),
        };
    }

    public byte[] SignData(HashAlgorithmName hash, ReadOnlySpan<byte> data, HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1)
    {
        var info = HashInfo.For(hash);
        if (KeyType == CKK.CKK_RSA && mechanisms is not null)
        {
            if (padding == HsmSignaturePadding.Pkcs1 && mechanisms.Contains(info.RsaPkcs))
            {
                return session.Sign(new Mechanism(info.RsaPkcs), privateKey, data);
            }
            if (padding == HsmSignaturePadding.Pss && mechanisms.Contains(info.RsaPss))
            {
                return session.Sign(Pss(info).WithType(info.RsaPss), privateKey, data);
            }
        }
        return SignDigest(hash, info.Hash(data), padding);
    }

    // Salt length = hash length: what .NET's RSASignaturePadding.Pss produces and verifies.
    private static Mechanism Pss(HashInfo info) => Mechanism.RsaPkcsPss(info.Digest, info.Mgf, info.Length);
}
