namespace SigningService.Auth.Jwt;

internal sealed class FileJwksSource(string path, int maxBytes) : IJwksSource
{
    public async Task<byte[]> FetchAsync(CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        return await BoundedRead.ReadAllAsync(stream, maxBytes, cancellationToken);
    }
}
