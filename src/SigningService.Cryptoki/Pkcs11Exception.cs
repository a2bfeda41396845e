namespace SigningService.Cryptoki;

// Carries the CKR code and its spec name; the message never contains call arguments (so never a PIN).
public sealed class Pkcs11Exception : Exception
{
    public Pkcs11Exception(string method, CKR returnValue)
        : base($"{method} failed: {NameOf(returnValue)}")
    {
        Method = method;
        ReturnValue = returnValue;
    }

    public string Method { get; }

    public CKR ReturnValue { get; }

    public static string NameOf(CKR value) =>
        Enum.IsDefined(value) ? value.ToString()
        : (ulong)value >= (ulong)CKR.CKR_VENDOR_DEFINED ? $"CKR_VENDOR_DEFINED+0x{(ulong)value - (ulong)CKR.CKR_VENDOR_DEFINED:X}"
        : $"CKR_0x{(ulong)value:X}";
}
