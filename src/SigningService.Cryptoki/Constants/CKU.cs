namespace SigningService.Cryptoki;

#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum CKU : ulong
#pragma warning restore CA1028
{
    CKU_SO = 0x0,
    CKU_USER = 0x1,
}
