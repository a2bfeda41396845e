namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64

// Attribute types (the subset this service reads or writes).
public enum CKA : ulong
{
    CKA_CLASS = 0x0,
    CKA_TOKEN = 0x1,
    CKA_PRIVATE = 0x2,
    CKA_LABEL = 0x3,
    CKA_VALUE = 0x11,
    CKA_KEY_TYPE = 0x100,
    CKA_ID = 0x102,
    CKA_SENSITIVE = 0x103,
    CKA_ENCRYPT = 0x104,
    CKA_DECRYPT = 0x105,
    CKA_WRAP = 0x106,
    CKA_UNWRAP = 0x107,
    CKA_SIGN = 0x108,
    CKA_SIGN_RECOVER = 0x109,
    CKA_VERIFY = 0x10A,
    CKA_VERIFY_RECOVER = 0x10B,
    CKA_DERIVE = 0x10C,
    CKA_MODULUS = 0x120,
    CKA_MODULUS_BITS = 0x121,
    CKA_PUBLIC_EXPONENT = 0x122,
    CKA_EXTRACTABLE = 0x162,
    CKA_LOCAL = 0x163,
    CKA_NEVER_EXTRACTABLE = 0x164,
    CKA_ALWAYS_SENSITIVE = 0x165,
    CKA_MODIFIABLE = 0x170,
    CKA_EC_PARAMS = 0x180,
    CKA_EC_POINT = 0x181,
    CKA_ALWAYS_AUTHENTICATE = 0x202,
}

public enum CKO : ulong
{
    CKO_DATA = 0x0,
    CKO_CERTIFICATE = 0x1,
    CKO_PUBLIC_KEY = 0x2,
    CKO_PRIVATE_KEY = 0x3,
    CKO_SECRET_KEY = 0x4,
}

public enum CKK : ulong
{
    CKK_RSA = 0x0,
    CKK_DSA = 0x1,
    CKK_DH = 0x2,
    CKK_EC = 0x3,
}

public enum CKM : ulong
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

public enum CKG : ulong
{
    CKG_MGF1_SHA1 = 0x1,
    CKG_MGF1_SHA256 = 0x2,
    CKG_MGF1_SHA384 = 0x3,
    CKG_MGF1_SHA512 = 0x4,
}

public enum CKU : ulong
{
    CKU_SO = 0x0,
    CKU_USER = 0x1,
}

// Token information flags (CK_TOKEN_INFO.flags).
[Flags]
public enum TokenFlags : ulong
{
    None = 0,
    Rng = 0x1,
    WriteProtected = 0x2,
    LoginRequired = 0x4,
    UserPinInitialized = 0x8,
    TokenInitialized = 0x400,
    UserPinLocked = 0x40000,
    SoPinLocked = 0x400000,
}

#pragma warning restore CA1028
