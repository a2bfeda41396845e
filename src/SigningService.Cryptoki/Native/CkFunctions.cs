namespace SigningService.Cryptoki.Native;

// Typed view of CK_FUNCTION_LIST. Linux x86_64 layout: CK_VERSION (2 bytes) padded to 8, then one
// pointer per function in the order of the PKCS#11 v2.x header. CK_ULONG is nuint (LP64).
internal sealed unsafe class CkFunctions
{
    public readonly delegate* unmanaged<void*, nuint> C_Initialize;
    public readonly delegate* unmanaged<void*, nuint> C_Finalize;
    public readonly delegate* unmanaged<byte*, nuint> C_GetInfo;
    public readonly delegate* unmanaged<byte, nuint*, nuint*, nuint> C_GetSlotList;
    public readonly delegate* unmanaged<nuint, byte*, nuint> C_GetTokenInfo;
    public readonly delegate* unmanaged<nuint, nuint*, nuint*, nuint> C_GetMechanismList;
    public readonly delegate* unmanaged<nuint, nuint, void*, void*, nuint*, nuint> C_OpenSession;
    public readonly delegate* unmanaged<nuint, nuint> C_CloseSession;
    public readonly delegate* unmanaged<nuint, nuint> C_CloseAllSessions;
    public readonly delegate* unmanaged<nuint, nuint, byte*, nuint, nuint> C_Login;
    public readonly delegate* unmanaged<nuint, nuint> C_Logout;
    public readonly delegate* unmanaged<nuint, nuint, nuint> C_DestroyObject;
    public readonly delegate* unmanaged<nuint, nuint, CkAttribute*, nuint, nuint> C_GetAttributeValue;
    public readonly delegate* unmanaged<nuint, CkAttribute*, nuint, nuint> C_FindObjectsInit;
    public readonly delegate* unmanaged<nuint, nuint*, nuint, nuint*, nuint> C_FindObjects;
    public readonly delegate* unmanaged<nuint, nuint> C_FindObjectsFinal;
    public readonly delegate* unmanaged<nuint, CkMechanism*, nuint, nuint> C_SignInit;
    public readonly delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint> C_Sign;
    public readonly delegate* unmanaged<nuint, CkMechanism*, CkAttribute*, nuint, CkAttribute*, nuint, nuint*, nuint*, nuint> C_GenerateKeyPair;

    public CkFunctions(nint functionList)
    {
        var f = (nint*)(functionList + sizeof(nint)); // skip CK_VERSION + padding
        C_Initialize = (delegate* unmanaged<void*, nuint>)f[0];
        C_Finalize = (delegate* unmanaged<void*, nuint>)f[1];
        C_GetInfo = (delegate* unmanaged<byte*, nuint>)f[2];
        C_GetSlotList = (delegate* unmanaged<byte, nuint*, nuint*, nuint>)f[4];
        C_GetTokenInfo = (delegate* unmanaged<nuint, byte*, nuint>)f[6];
        C_GetMechanismList = (delegate* unmanaged<nuint, nuint*, nuint*, nuint>)f[7];
        C_OpenSession = (delegate* unmanaged<nuint, nuint, void*, void*, nuint*, nuint>)f[12];
        C_CloseSession = (delegate* unmanaged<nuint, nuint>)f[13];
        C_CloseAllSessions = (delegate* unmanaged<nuint, nuint>)f[14];
        C_Login = (delegate* unmanaged<nuint, nuint, byte*, nuint, nuint>)f[18];
        C_Logout = (delegate* unmanaged<nuint, nuint>)f[19];
        C_DestroyObject = (delegate* unmanaged<nuint, nuint, nuint>)f[22];
        C_GetAttributeValue = (delegate* unmanaged<nuint, nuint, CkAttribute*, nuint, nuint>)f[24];
        C_FindObjectsInit = (delegate* unmanaged<nuint, CkAttribute*, nuint, nuint>)f[26];
        C_FindObjects = (delegate* unmanaged<nuint, nuint*, nuint, nuint*, nuint>)f[27];
        C_FindObjectsFinal = (delegate* unmanaged<nuint, nuint>)f[28];
        C_SignInit = (delegate* unmanaged<nuint, CkMechanism*, nuint, nuint>)f[42];
        C_Sign = (delegate* unmanaged<nuint, byte*, nuint, byte*, nuint*, nuint>)f[43];
        C_GenerateKeyPair = (delegate* unmanaged<nuint, CkMechanism*, CkAttribute*, nuint, CkAttribute*, nuint, nuint*, nuint*, nuint>)f[59];
    }
}
