namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum CKG : ulong
#pragma warning restore CA1028
{
    CKG_MGF1_SHA1 = 0x1,
    CKG_MGF1_SHA256 = 0x2,
    CKG_MGF1_SHA384 = 0x3,
    CKG_MGF1_SHA512 = 0x4,
}
