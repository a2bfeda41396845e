namespace SigningService.KmsPlugin;

internal static class StdinReader
{
    // Returns null when the input exceeds maxBytes.
    public static async Task<byte[]?> ReadBoundedAsync(Stream input, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
