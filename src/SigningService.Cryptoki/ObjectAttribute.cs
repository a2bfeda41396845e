using System.Buffers.Binary;
using System.Text;

namespace SigningService.Cryptoki;

// An attribute with its raw value bytes as the token stores them (CK_ULONG values native-endian).
public sealed class ObjectAttribute(CKA type, byte[] value, bool cannotBeRead = false)
{
    public CKA Type { get; } = type;

    public byte[] Value { get; } = value;

    // True when the token answered CK_UNAVAILABLE_INFORMATION (sensitive or not an attribute of this object).
    public bool CannotBeRead { get; } = cannotBeRead;

    public static ObjectAttribute Of(CKA type, byte[] value) => new(type, value);

    public static ObjectAttribute Of(CKA type, string value) => new(type, Encoding.UTF8.GetBytes(value));

    public static ObjectAttribute Of(CKA type, bool value) => new(type, [value ? (byte)1 : (byte)0]);

    public static ObjectAttribute Of(CKA type, ulong value)
    {
        var bytes = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        return new(type, bytes);
    }

    public static ObjectAttribute Of(CKA type, CKO value) => Of(type, (ulong)value);

    public static ObjectAttribute Of(CKA type, CKK value) => Of(type, (ulong)value);

    public ulong GetULong() => Value.Length == sizeof(ulong)
        ? BinaryPrimitives.ReadUInt64LittleEndian(Value)
        : throw new InvalidOperationException($"{Type} is not a CK_ULONG ({Value.Length} bytes)");

    public bool GetBool() => Value.Length == 1 ? Value[0] != 0 : throw new InvalidOperationException($"{Type} is not a CK_BBOOL");

    public string GetString() => Encoding.UTF8.GetString(Value);
}
