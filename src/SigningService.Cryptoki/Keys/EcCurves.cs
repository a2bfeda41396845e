using System.Security.Cryptography;

namespace SigningService.Cryptoki.Keys;

// Named curves by the DER OID that CKA_EC_PARAMS holds.
internal static class EcCurves
{
    public static readonly byte[] P256Params = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07];
    public static readonly byte[] P384Params = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x22];
    public static readonly byte[] P521Params = [0x06, 0x05, 0x2B, 0x81, 0x04, 0x00, 0x23];

    public static (ECCurve Curve, int FieldSize, string Algorithm) FromParams(ReadOnlySpan<byte> ecParams) =>
        ecParams.SequenceEqual(P256Params) ? (ECCurve.NamedCurves.nistP256, 32, "ecdsa-p256")
        : ecParams.SequenceEqual(P384Params) ? (ECCurve.NamedCurves.nistP384, 48, "ecdsa-p384")
        : ecParams.SequenceEqual(P521Params) ? (ECCurve.NamedCurves.nistP521, 66, "ecdsa-p521")
        : throw new NotSupportedException($"unsupported CKA_EC_PARAMS {Convert.ToHexString(ecParams)} (only named NIST curves)");
}
