namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum CKK : ulong
#pragma warning restore CA1028
{
    CKK_RSA = 0x0,
    CKK_DSA = 0x1,
    CKK_DH = 0x2,
    CKK_EC = 0x3,
}
