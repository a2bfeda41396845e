namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum CKO : ulong
#pragma warning restore CA1028
{
    CKO_DATA = 0x0,
    CKO_CERTIFICATE = 0x1,
    CKO_PUBLIC_KEY = 0x2,
    CKO_PRIVATE_KEY = 0x3,
    CKO_SECRET_KEY = 0x4,
}
