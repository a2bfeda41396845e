using System.Net;
using System.Security.Authentication;
using System.Text.Json;

namespace SigningService.Registry;

/// <summary>The one place that turns transport failures and HTTP statuses into typed registry exceptions.</summary>
internal static class RegistryErrors
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request, string registryHost, CancellationToken ct)
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (e.HttpRequestError == HttpRequestError.SecureConnectionError || e.InnerException is AuthenticationException)
        {
            throw new RegistryTlsException(
                $"TLS connection to registry {registryHost} failed: the server certificate is not trusted or does not match the host " +
                "(configure CaBundleFile for a private CA)", e);
        }
        catch (HttpRequestException e)
        {
            throw new RegistryUnavailableException($"registry {registryHost} is unreachable ({e.HttpRequestError})", e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RegistryUnavailableException($"registry {registryHost} did not answer within {client.Timeout.TotalSeconds:0} s", e);
        }
    }

    /// <summary>Throws the typed exception for a non-success status; <paramref name="what"/> names the target for the message.</summary>
    public static async Task ThrowIfFailedAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }
        var status = (int)response.StatusCode;
        var codes = await ErrorCodesAsync(response, ct);
        var detail = codes.Length == 0 ? $"{status}" : $"{status} {string.Join(',', codes)}";
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthException($"{what}: access denied ({detail})");
        }
        if (response.StatusCode == HttpStatusCode.NotFound || codes.Contains("MANIFEST_UNKNOWN") || codes.Contains("NAME_UNKNOWN"))
        {
            throw new ManifestUnknownException($"{what}: not found ({detail})");
        }
        if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            throw new RegistryUnavailableException($"{what}: registry temporarily unavailable ({detail})", retryAfter: retryAfter);
        }
        throw new RegistryException($"{what}: registry answered {detail}");
    }

    /// <summary>Reads the distribution error codes (errors[].code) from a small error body, if any.</summary>
    private static async Task<string[]> ErrorCodesAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentLength is null or 0 or > 64 * 1024)
        {
            return [];
        }
        try
        {
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
                ? [.. errors.EnumerateArray()
                    .Select(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("code", out var c) ? c.GetString() : null)
                    .OfType<string>()
                    .Where(c => c.Length <= 64 && c.All(ch => char.IsAsciiLetterUpper(ch) || ch == '_'))]
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
