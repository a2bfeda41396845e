namespace SigningService.Cryptoki;

// Token information flags (CK_TOKEN_INFO.flags).
[Flags]
#pragma warning disable CA1028 // CK_ULONG is 64-bit on Linux x86_64
public enum TokenFlags : ulong
#pragma warning restore CA1028
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
