using System.Net.Http.Headers;

namespace SigningService.Auth.Jwt;

internal sealed class HttpJwksSource(Func<HttpClient> clientFactory, Uri uri, int maxBytes) : IJwksSource
{
    public async Task<byte[]> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var client = clientFactory();
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"JWKS request returned {(int)response.StatusCode}.", null, response.StatusCode);
        }
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new JwksFormatException($"JWKS response is larger than {maxBytes} bytes.");
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await BoundedRead.ReadAllAsync(body, maxBytes, cancellationToken);
    }
}
