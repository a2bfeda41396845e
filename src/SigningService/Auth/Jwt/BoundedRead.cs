namespace SigningService.Auth.Jwt;

internal static class BoundedRead
{
    /// <summary>Reads a whole stream, failing as soon as it exceeds <paramref name="maxBytes"/> (never trusts a declared length).</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new JwksFormatException($"JWKS document is larger than {maxBytes} bytes.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
