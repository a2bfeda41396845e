using System.Runtime.InteropServices;
using SigningService.Cryptoki.Native;

namespace SigningService.Cryptoki;

// A CK_MECHANISM: type plus its parameter bytes (already laid out as the C structure).
public sealed class Mechanism(CKM type, byte[]? parameter = null)
{
    public CKM Type { get; } = type;

    public byte[]? Parameter { get; } = parameter;

    public static Mechanism RsaPkcsPss(CKM hashAlg, CKG mgf, int saltLength)
    {
        var p = new CkRsaPkcsPssParams { HashAlg = (nuint)hashAlg, Mgf = (nuint)mgf, SaltLen = (nuint)saltLength };
        return new Mechanism(CKM.CKM_RSA_PKCS_PSS, MemoryMarshal.AsBytes(new ReadOnlySpan<CkRsaPkcsPssParams>(in p)).ToArray());
    }

    public Mechanism WithType(CKM type) => new(type, Parameter);
}
