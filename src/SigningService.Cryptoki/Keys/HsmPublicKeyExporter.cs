using System.Security.Cryptography;

namespace SigningService.Cryptoki.Keys;

// Reads a public key object (or an RSA private key's public half) and exports SubjectPublicKeyInfo.
public static class HsmPublicKeyExporter
{
    public static HsmPublicKey Export(Session session, ObjectHandle key)
    {
        var keyType = (CKK)session.GetAttributeValue(key, CKA.CKA_KEY_TYPE).GetULong();
        switch (keyType)
        {
            case CKK.CKK_EC:
            {
                var attrs = session.GetAttributeValues(key, [CKA.CKA_EC_PARAMS, CKA.CKA_EC_POINT]);
                if (attrs[1].CannotBeRead)
                {
                    throw new InvalidOperationException("CKA_EC_POINT is not readable on this object (use the public key object)");
                }
                var (curve, fieldSize, algorithm) = EcCurves.FromParams(attrs[0].Value);
                var point = DecodeEcPoint(attrs[1].Value, fieldSize);
                using var ec = ECDsa.Create(new ECParameters
                {
                    Curve = curve,
                    Q = new ECPoint { X = point[1..(1 + fieldSize)], Y = point[(1 + fieldSize)..] },
                });
                return new HsmPublicKey(algorithm, keyType, ec.KeySize, ec.ExportSubjectPublicKeyInfo(), ec.ExportSubjectPublicKeyInfoPem());
            }
            case CKK.CKK_RSA:
            {
                var attrs = session.GetAttributeValues(key, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
                using var rsa = RSA.Create(new RSAParameters
                {
                    Modulus = attrs[0].Value.AsSpan().TrimStart((byte)0).ToArray(),
                    Exponent = attrs[1].Value.AsSpan().TrimStart((byte)0).ToArray(),
                });
                return new HsmPublicKey($"rsa-{rsa.KeySize}", keyType, rsa.KeySize, rsa.ExportSubjectPublicKeyInfo(), rsa.ExportSubjectPublicKeyInfoPem());
            }
            default:
                throw new NotSupportedException($"key type {keyType} is not supported");
        }
    }

    // CKA_EC_POINT is a DER OCTET STRING around the uncompressed point 04||X||Y; some modules return the bare point.
    internal static byte[] DecodeEcPoint(byte[] value, int fieldSize)
    {
        var pointLength = 1 + (2 * fieldSize);
        if (value.Length == pointLength && value[0] == 0x04)
        {
            return value;
        }
        if (value.Length < 2 || value[0] != 0x04)
        {
            throw new FormatException("CKA_EC_POINT is neither an OCTET STRING nor an uncompressed point");
        }
        var (offset, length) = value[1] switch
        {
            < 0x80 => (2, (int)value[1]),
            0x81 when value.Length > 2 => (3, (int)value[2]),
            _ => throw new FormatException("unsupported length in CKA_EC_POINT"),
        };
        if (length != pointLength || offset + length != value.Length || value[offset] != 0x04)
        {
            throw new FormatException("CKA_EC_POINT does not hold an uncompressed point for this curve");
        }
        return value[offset..];
    }
}
