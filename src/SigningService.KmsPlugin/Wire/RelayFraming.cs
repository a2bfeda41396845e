using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SigningService.KmsRelay.Wire;

// Frame = 4-byte big-endian length + UTF-8 JSON. A length prefix (rather than newline
// delimiting) lets a reader refuse an oversized frame before allocating it.
internal static class RelayFraming
{
    // A base64 message of RelayLimits.MaxMessageBytes plus JSON overhead fits comfortably.
    public const int MaxFrameBytes = 48 * 1024 * 1024;

    public static async Task WriteAsync<T>(Stream stream, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        if (payload.Length > MaxFrameBytes)
        {
            throw new InvalidDataException("relay frame too large");
        }
        var header = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(header, payload.Length);
        await stream.WriteAsync(header, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(payload, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<T?> ReadAsync<T>(Stream stream, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var header = new byte[4];
        await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var length = BinaryPrimitives.ReadInt32BigEndian(header);
        if (length <= 0 || length > MaxFrameBytes)
        {
            throw new InvalidDataException("relay frame length out of range");
        }
        var payload = new byte[length];
        await stream.ReadExactlyAsync(payload, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(payload, typeInfo);
    }
}

internal static class RelayLimits
{
    // Only used when a caller sends no digest (cosign always sends one); bounds memory.
    public const int MaxMessageBytes = 32 * 1024 * 1024;
}
