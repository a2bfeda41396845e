using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SigningService.Registry;

namespace SigningService.Tests.Infrastructure.Registry;

public sealed record PushedImage(string Registry, string Repository, string Tag, string Digest, byte[] Manifest)
{
    public string TagReference => $"{Registry}/{Repository}:{Tag}";

    public string DigestReference => $"{Registry}/{Repository}@{Digest}";
}

/// <summary>
/// Pushes small random OCI images with the distribution HTTP API (blob upload POST + PUT ?digest=,
/// then manifest PUT) and reads back tags/referrers for assertions. Uses the registry's test
/// credentials and CA; Basic auth is sent up front, which distribution's htpasswd accepts.
/// </summary>
public sealed class OciImagePusher(RegistryServer server) : IDisposable
{
    private readonly HttpClient _client = Authorized(server);

    public async Task<PushedImage> PushRandomImageAsync(string repository, string tag = "v1", CancellationToken ct = default)
    {
        var layer = RandomNumberGenerator.GetBytes(1024);
        var config = Encoding.UTF8.GetBytes(
            $$$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["{{{ContentDigest.Sha256(layer)}}}"]}}""");
        var configDigest = await PushBlobAsync(repository, config, ct);
        var layerDigest = await PushBlobAsync(repository, layer, ct);
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaTypes.OciManifest,
            ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, config.Length),
            ["layers"] = new JsonArray(Descriptor("application/vnd.oci.image.layer.v1.tar", layerDigest, layer.Length)),
        };
        var bytes = Encoding.UTF8.GetBytes(manifest.ToJsonString());
        var digest = await PushManifestAsync(repository, tag, ManifestMediaTypes.OciManifest, bytes, ct);
        return new PushedImage(server.Host, repository, tag, digest, bytes);
    }

    public async Task<string> PushBlobAsync(string repository, byte[] content, CancellationToken ct = default)
    {
        var digest = ContentDigest.Sha256(content);
        using var start = await _client.PostAsync($"v2/{repository}/blobs/uploads/", null, ct);
        await EnsureAsync(start, HttpStatusCode.Accepted, "blob upload start");
        var location = start.Headers.Location ?? throw new InvalidOperationException("blob upload gave no Location");
        var target = location.IsAbsoluteUri ? location : new Uri(_client.BaseAddress!, location);
        var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var put = await _client.PutAsync(new Uri(target + separator + "digest=" + Uri.EscapeDataString(digest)), body, ct);
        await EnsureAsync(put, HttpStatusCode.Created, "blob upload finish");
        return digest;
    }

    public async Task<string> PushManifestAsync(string repository, string reference, string mediaType, byte[] manifest, CancellationToken ct = default)
    {
        using var body = new ByteArrayContent(manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await _client.PutAsync($"v2/{repository}/manifests/{reference}", body, ct);
        await EnsureAsync(response, HttpStatusCode.Created, "manifest put");
        var digest = ContentDigest.Sha256(manifest);
        var header = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.First() : null;
        return header == digest ? digest : throw new InvalidOperationException($"registry digest {header} != {digest}");
    }

    /// <summary>HEAD the manifest; true when the registry has it.</summary>
    public async Task<bool> ManifestExistsAsync(string repository, string reference, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/manifests/{reference}");
        foreach (var type in ManifestMediaTypes.Accepted)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }
        using var response = await _client.SendAsync(request, ct);
        return response.StatusCode == HttpStatusCode.OK ? true
            : response.StatusCode == HttpStatusCode.NotFound ? false
            : throw new InvalidOperationException($"HEAD manifest: {(int)response.StatusCode}");
    }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken ct = default)
    {
        using var response = await _client.GetAsync($"v2/{repository}/tags/list", ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        await EnsureAsync(response, HttpStatusCode.OK, "tags list");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        return json.RootElement.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
            ? [.. tags.EnumerateArray().Select(t => t.GetString()!)]
            : [];
    }

    /// <summary>
    /// Referrers of <paramref name="digest"/>: the OCI 1.1 referrers API when the registry has it,
    /// else the fallback tag "sha256-&lt;hex&gt;" index (distribution 2.8 has no referrers API; cosign uses the tag).
    /// Returns the referring manifests' descriptors as JSON objects (mediaType, digest, artifactType...).
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> ListReferrersAsync(string repository, string digest, CancellationToken ct = default)
    {
        using (var api = await _client.GetAsync($"v2/{repository}/referrers/{digest}", ct))
        {
            if (api.StatusCode == HttpStatusCode.OK)
            {
                return Manifests(await api.Content.ReadAsStringAsync(ct));
            }
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v2/{repository}/manifests/{digest.Replace(':', '-')}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ManifestMediaTypes.OciIndex));
        using var fallback = await _client.SendAsync(request, ct);
        if (fallback.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        await EnsureAsync(fallback, HttpStatusCode.OK, "referrers tag");
        return Manifests(await fallback.Content.ReadAsStringAsync(ct));
    }

    public void Dispose() => _client.Dispose();

    private static JsonElement[] Manifests(string indexJson)
    {
        using var json = JsonDocument.Parse(indexJson);
        return json.RootElement.TryGetProperty("manifests", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(m => m.Clone())]
            : [];
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    private static HttpClient Authorized(RegistryServer server)
    {
        var client = server.CreateHttpClient();
        if (server.Username is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{server.Username}:{server.Password}")));
        }
        return client;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string step)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new InvalidOperationException($"{step}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        }
    }
}
