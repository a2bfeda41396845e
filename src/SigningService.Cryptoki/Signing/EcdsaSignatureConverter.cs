namespace SigningService.Cryptoki.Signing;

// PKCS#11 CKM_ECDSA returns r||s (each the field size); X.509/cosign want DER SEQUENCE { INTEGER r, INTEGER s }.
public static class EcdsaSignatureConverter
{
    public static byte[] RawToDer(ReadOnlySpan<byte> raw)
    {
        if (raw.Length == 0 || raw.Length % 2 != 0)
        {
            throw new ArgumentException($"raw ECDSA signature must be r||s of equal halves, got {raw.Length} bytes", nameof(raw));
        }
        var half = raw.Length / 2;
        var r = Integer(raw[..half]);
        var s = Integer(raw[half..]);
        var body = r.Length + s.Length;
        var header = LengthBytes(body);
        var der = new byte[1 + header.Length + body];
        der[0] = 0x30;
        header.CopyTo(der, 1);
        r.CopyTo(der, 1 + header.Length);
        s.CopyTo(der, 1 + header.Length + r.Length);
        return der;
    }

    // fieldSize: bytes per coordinate (32 for P-256, 48 for P-384, 66 for P-521).
    public static byte[] DerToRaw(ReadOnlySpan<byte> der, int fieldSize)
    {
        var pos = 0;
        if (ReadByte(der, ref pos) != 0x30)
        {
            throw new FormatException("ECDSA signature is not a DER SEQUENCE");
        }
        var seqLen = ReadLength(der, ref pos);
        if (pos + seqLen != der.Length)
        {
            throw new FormatException("ECDSA signature SEQUENCE length does not match its content");
        }
        var raw = new byte[2 * fieldSize];
        ReadInteger(der, ref pos, raw.AsSpan(0, fieldSize));
        ReadInteger(der, ref pos, raw.AsSpan(fieldSize, fieldSize));
        if (pos != der.Length)
        {
            throw new FormatException("trailing bytes after ECDSA signature");
        }
        return raw;
    }

    // Minimal unsigned encoding: strip leading zeros, then add one 0x00 if the high bit is set.
    private static byte[] Integer(ReadOnlySpan<byte> value)
    {
        var v = value.TrimStart((byte)0);
        if (v.IsEmpty)
        {
            v = [0];
        }
        var pad = (v[0] & 0x80) != 0 ? 1 : 0;
        var len = LengthBytes(v.Length + pad);
        var result = new byte[1 + len.Length + pad + v.Length];
        result[0] = 0x02;
        len.CopyTo(result, 1);
        v.CopyTo(result.AsSpan(1 + len.Length + pad));
        return result;
    }

    private static byte[] LengthBytes(int length) => length switch
    {
        < 0x80 => [(byte)length],
        < 0x100 => [0x81, (byte)length],
        _ => [0x82, (byte)(length >> 8), (byte)length],
    };

    private static void ReadInteger(ReadOnlySpan<byte> der, ref int pos, Span<byte> target)
    {
        if (ReadByte(der, ref pos) != 0x02)
        {
            throw new FormatException("expected INTEGER in ECDSA signature");
        }
        var len = ReadLength(der, ref pos);
        if (len == 0 || pos + len > der.Length)
        {
            throw new FormatException("bad INTEGER length in ECDSA signature");
        }
        var value = der.Slice(pos, len);
        pos += len;
        if ((value[0] & 0x80) != 0)
        {
            throw new FormatException("negative INTEGER in ECDSA signature");
        }
        if (value.Length > 1 && value[0] == 0 && (value[1] & 0x80) == 0)
        {
            throw new FormatException("non-minimal INTEGER in ECDSA signature");
        }
        value = value.TrimStart((byte)0);
        if (value.Length > target.Length)
        {
            throw new FormatException("INTEGER in ECDSA signature is larger than the field");
        }
        target.Clear();
        value.CopyTo(target[(target.Length - value.Length)..]);
    }

    private static int ReadLength(ReadOnlySpan<byte> der, ref int pos)
    {
        int first = ReadByte(der, ref pos);
        if (first < 0x80)
        {
            return first;
        }
        var count = first & 0x7F;
        if (count is 0 or > 2)
        {
            throw new FormatException("unsupported DER length in ECDSA signature");
        }
        var len = 0;
        for (var i = 0; i < count; i++)
        {
            len = (len << 8) | ReadByte(der, ref pos);
        }
        if (len < 0x80 || (count == 2 && len < 0x100))
        {
            throw new FormatException("non-minimal DER length in ECDSA signature");
        }
        return len;
    }

    private static byte ReadByte(ReadOnlySpan<byte> der, ref int pos) =>
        pos < der.Length ? der[pos++] : throw new FormatException("truncated ECDSA signature");
}
