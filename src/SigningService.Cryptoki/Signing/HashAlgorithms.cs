using System.Security.Cryptography;

namespace SigningService.Cryptoki.Signing;

// What the signer needs to know per hash: PKCS#11 constants and the DigestInfo prefix for RSA PKCS#1 v1.5.
internal sealed record HashInfo(HashAlgorithmName Name, int Length, CKM Digest, CKG Mgf, CKM RsaPkcs, CKM RsaPss, byte[] DigestInfoPrefix)
{
    private static readonly HashInfo Sha256 = new(HashAlgorithmName.SHA256, 32, CKM.CKM_SHA256, CKG.CKG_MGF1_SHA256,
        CKM.CKM_SHA256_RSA_PKCS, CKM.CKM_SHA256_RSA_PKCS_PSS, Prefix(0x01, 32));

    private static readonly HashInfo Sha384 = new(HashAlgorithmName.SHA384, 48, CKM.CKM_SHA384, CKG.CKG_MGF1_SHA384,
        CKM.CKM_SHA384_RSA_PKCS, CKM.CKM_SHA384_RSA_PKCS_PSS, Prefix(0x02, 48));

    private static readonly HashInfo Sha512 = new(HashAlgorithmName.SHA512, 64, CKM.CKM_SHA512, CKG.CKG_MGF1_SHA512,
        CKM.CKM_SHA512_RSA_PKCS, CKM.CKM_SHA512_RSA_PKCS_PSS, Prefix(0x03, 64));

    public static HashInfo For(HashAlgorithmName name) =>
        name == HashAlgorithmName.SHA256 ? Sha256
        : name == HashAlgorithmName.SHA384 ? Sha384
        : name == HashAlgorithmName.SHA512 ? Sha512
        : throw new NotSupportedException($"hash algorithm {name.Name} is not supported for HSM signing");

    public byte[] Hash(ReadOnlySpan<byte> data) => CryptographicOperations.HashData(Name, data);

    public byte[] DigestInfo(ReadOnlySpan<byte> digest) => [.. DigestInfoPrefix, .. digest];

    // DER of DigestInfo ::= SEQUENCE { SEQUENCE { OID 2.16.840.1.101.3.4.2.n, NULL }, OCTET STRING digest }.
    private static byte[] Prefix(byte oidLast, int length) =>
    [
        0x30, (byte)(0x11 + length), 0x30, 0x0D, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, oidLast,
        0x05, 0x00, 0x04, (byte)length,
    ];
}
