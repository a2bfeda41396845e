namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum CKM : ulong
#pragma warning restore CA1028
{
    CKM_RSA_PKCS_KEY_PAIR_GEN = 0x0,
    CKM_RSA_PKCS = 0x1,
    CKM_RSA_PKCS_PSS = 0xD,
    CKM_SHA256_RSA_PKCS = 0x40,
    CKM_SHA384_RSA_PKCS = 0x41,
    CKM_SHA512_RSA_PKCS = 0x42,
    CKM_SHA256_RSA_PKCS_PSS = 0x43,
    CKM_SHA384_RSA_PKCS_PSS = 0x44,
    CKM_SHA512_RSA_PKCS_PSS = 0x45,
    CKM_SHA_1 = 0x220,
    CKM_SHA256 = 0x250,
    CKM_SHA384 = 0x260,
    CKM_SHA512 = 0x270,
    CKM_EC_KEY_PAIR_GEN = 0x1040,
    CKM_ECDSA = 0x1041,
    CKM_ECDSA_SHA256 = 0x1044,
    CKM_ECDSA_SHA384 = 0x1045,
    CKM_ECDSA_SHA512 = 0x1046,
}
