using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace SigningService.Registry;

/// <summary>Reads manifests from OCI registries: tag → digest resolution before signing, manifest fetches for checks.</summary>
public sealed partial class RegistryClient(
    RegistryHttpClients clients, RegistryAuthenticator authenticator, ILogger<RegistryClient> logger,
    Resilience.RemotePipelines? pipelines = null)
{
    public static readonly ActivitySource ActivitySource = new("SigningService.Registry");

    /// <summary>OCI guidance caps manifests at 4 MiB; anything larger is refused rather than buffered.</summary>
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    /// <summary>The digest <paramref name="image"/> points at now (HEAD; GET and hash when HEAD gives no digest).</summary>
    public Task<string> ResolveDigestAsync(ImageReference image, CancellationToken ct) =>
        ResilientAsync(image, (attempt, token) => ResolveDigestOnceAsync(image, attempt, token), ct);

    public Task<RegistryManifest> GetManifestAsync(ImageReference image, CancellationToken ct) =>
        ResilientAsync(image, (_, token) => GetManifestOnceAsync(image, token), ct);

    /// <summary>Through the registry host's pipeline (retries, circuit) when one is configured.</summary>
    private async Task<T> ResilientAsync<T>(ImageReference image, Func<int, CancellationToken, Task<T>> call, CancellationToken ct)
    {
        if (pipelines is null)
        {
            return await call(0, ct);
        }
        var attempt = 0;
        try
        {
            return await pipelines.For(image.Registry).ExecuteAsync(async token => await call(attempt++, token), ct);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            throw new RegistryUnavailableException($"{image.Registry} failed repeatedly; calls to it are suspended for a while (circuit open)", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e) when (!ct.IsCancellationRequested)
        {
            throw new RegistryUnavailableException($"{image.Registry} did not answer within the configured time", e);
        }
    }

    private async Task<string> ResolveDigestOnceAsync(ImageReference image, int attempt, CancellationToken ct)
    {
        using var activity = ActivitySource.StartActivity("registry.resolve");
        activity?.SetTag("image", image.ToString());
        activity?.SetTag("registry.attempt", attempt);
        activity?.SetTag("server.address", image.Registry);
        try
        {
            return await ResolveDigestCoreAsync(image, activity, ct);
        }
        catch (Exception e) when (activity is not null)
        {
            // A failed attempt shows as such in the trace (the retry that follows is a sibling span).
            activity.SetStatus(ActivityStatusCode.Error, e.Message);
            activity.SetTag("error.type", e.GetType().Name);
            throw;
        }
    }

    private async Task<string> ResolveDigestCoreAsync(ImageReference image, Activity? activity, CancellationToken ct)
    {
        string? digest = null;
        using (var head = await SendManifestRequestAsync(HttpMethod.Head, image, ct))
        {
            if (head.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                await RegistryErrors.ThrowIfFailedAsync(head, image.ToString(), ct);
                digest = HeaderDigest(head);
            }
        }
        if (digest is null)
        {
            // Some registries omit the header on HEAD (or refuse HEAD); the GET path verifies the bytes.
            digest = (await GetManifestOnceAsync(image, ct)).Digest;
        }
        else if (image.Digest is not null && digest != image.Digest)
        {
            throw new RegistryException($"{image}: registry reports digest {digest} for it");
        }
        activity?.SetTag("digest", digest);
        LogResolved(image, digest);
        return digest;
    }

    private async Task<RegistryManifest> GetManifestOnceAsync(ImageReference image, CancellationToken ct)
    {
        using var response = await SendManifestRequestAsync(HttpMethod.Get, image, ct);
        await RegistryErrors.ThrowIfFailedAsync(response, image.ToString(), ct);
        var content = await ReadLimitedAsync(response.Content, image, ct);
        var header = HeaderDigest(response);
        var expected = image.Digest ?? header;
        if (expected is not null && !ContentDigest.Matches(expected, content))
        {
            throw new RegistryException($"{image}: manifest bytes do not match digest {expected}");
        }
        if (image.Digest is not null && header is not null && header != image.Digest && !ContentDigest.Matches(header, content))
        {
            throw new RegistryException($"{image}: registry header digest {header} does not match the manifest");
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new RegistryManifest(mediaType, expected ?? ContentDigest.Sha256(content), content);
    }

    private async Task<HttpResponseMessage> SendManifestRequestAsync(HttpMethod method, ImageReference image, CancellationToken ct)
    {
        var client = clients.For(image.Registry);
        var scope = $"repository:{image.Repository}:pull";
        var uri = new Uri(client.BaseAddress!, $"v2/{image.Repository}/manifests/{image.Identifier}");
        var response = await SendAsync(client, method, uri, image.Registry, authenticator.Cached(image.Registry, scope), ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }
        var challenge = AuthChallenge.Select(response.Headers.WwwAuthenticate);
        response.Dispose();
        authenticator.Forget(image.Registry, scope);
        var authorization = await authenticator.AuthorizeAsync(client, image.Registry, scope, challenge, ct);
        response = await SendAsync(client, method, uri, image.Registry, authorization, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            authenticator.Forget(image.Registry, scope);
            throw new RegistryAuthException($"registry {image.Registry} refused the configured credentials for {image.Repository} ({status})");
        }
        return response;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client, HttpMethod method, Uri uri, string registryHost, AuthenticationHeaderValue? authorization, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, uri);
        foreach (var type in ManifestMediaTypes.Accepted)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        request.Headers.Authorization = authorization;
        return await RegistryErrors.SendAsync(client, request, registryHost, ct);
    }

    private static string? HeaderDigest(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values)
        && values.FirstOrDefault() is { } digest && ImageReference.IsValidDigest(digest, out _) ? digest : null;

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, ImageReference image, CancellationToken ct)
    {
        if (content.Headers.ContentLength > MaxManifestBytes)
        {
            throw new RegistryException($"{image}: manifest larger than {MaxManifestBytes} bytes");
        }
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxManifestBytes)
            {
                throw new RegistryException($"{image}: manifest larger than {MaxManifestBytes} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug, Message = "Resolved {Image} to {Digest}")]
    private partial void LogResolved(ImageReference image, string digest);
}
