using System.Runtime.InteropServices;

namespace SigningService.Cryptoki.Native;

// Natural alignment on Linux (the Windows headers use pack(1); this binding targets Linux).
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkAttribute
{
    public nuint Type;
    public void* Value;
    public nuint ValueLen;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkMechanism
{
    public nuint Mechanism;
    public void* Parameter;
    public nuint ParameterLen;
}

[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CkInitializeArgs
{
    public void* CreateMutex;
    public void* DestroyMutex;
    public void* LockMutex;
    public void* UnlockMutex;
    public nuint Flags;
    public void* Reserved;
}

[StructLayout(LayoutKind.Sequential)]
internal struct CkRsaPkcsPssParams
{
    public nuint HashAlg;
    public nuint Mgf;
    public nuint SaltLen;
}

internal static class CkConst
{
    public const nuint OsLockingOk = 0x2;
    public const nuint RwSession = 0x2;
    public const nuint SerialSession = 0x4;
    public static readonly nuint UnavailableInformation = nuint.MaxValue;
    public const int TokenInfoSize = 208; // 196 bytes of fields, padded; a little slack
    public const int InfoSize = 88;
}
