using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SigningService.Registry;

/// <summary>
/// Answers registry challenges: Basic with the configured user, Bearer via the token realm
/// (anonymous, Basic-authenticated GET, or OAuth2 refresh-token POST), or a static registry token.
/// Authorization values are cached per host and scope until shortly before they expire.
/// </summary>
public sealed class RegistryAuthenticator(IOptionsMonitor<RegistryOptions> options, TimeProvider time)
{
    private static readonly TimeSpan BasicLifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string Host, string Scope), (AuthenticationHeaderValue Value, DateTimeOffset Expires)> _cache = new();

    public AuthenticationHeaderValue? Cached(string registryHost, string scope) =>
        _cache.TryGetValue((registryHost.ToLowerInvariant(), scope), out var entry) && entry.Expires > time.GetUtcNow() ? entry.Value : null;

    public void Forget(string registryHost, string scope) => _cache.TryRemove((registryHost.ToLowerInvariant(), scope), out _);

    public async Task<AuthenticationHeaderValue> AuthorizeAsync(
        HttpClient client, string registryHost, string scope, AuthChallenge? challenge, CancellationToken ct)
    {
        var credentials = await RegistryCredentials.ReadAsync(options.CurrentValue.Find(registryHost), ct);
        AuthenticationHeaderValue value;
        TimeSpan lifetime;
        if (challenge is { IsBasic: true })
        {
            if (!credentials.HasBasic)
            {
                throw new RegistryAuthException($"registry {registryHost} asks for Basic credentials and no username/password is configured for it");
            }
            (value, lifetime) = (new AuthenticationHeaderValue("Basic", credentials.BasicValue()), BasicLifetime);
        }
        else if (challenge is { IsBearer: true })
        {
            (value, lifetime) = credentials is { HasToken: true, TokenKind: RegistryTokenKind.Registry }
                ? (new AuthenticationHeaderValue("Bearer", credentials.Token), BasicLifetime)
                : await ExchangeAsync(client, registryHost, scope, challenge, credentials, ct);
        }
        else
        {
            throw new RegistryAuthException($"registry {registryHost} answered 401 without a Basic or Bearer challenge");
        }
        _cache[(registryHost.ToLowerInvariant(), scope)] = (value, time.GetUtcNow() + lifetime);
        return value;
    }

    private static async Task<(AuthenticationHeaderValue, TimeSpan)> ExchangeAsync(
        HttpClient client, string registryHost, string scope, AuthChallenge challenge, RegistryCredentials credentials, CancellationToken ct)
    {
        var realm = challenge.Get("realm");
        if (!Uri.TryCreate(realm, UriKind.Absolute, out var realmUri) || (realmUri.Scheme != Uri.UriSchemeHttps && !IsLoopback(realmUri)))
        {
            throw new RegistryAuthException($"registry {registryHost} names an unusable token realm (must be an https URL)");
        }
        var service = challenge.Get("service");
        // The challenge's own scope wins: it is what the registry says this request needs.
        var wanted = challenge.Get("scope") ?? scope;
        using var request = credentials is { HasToken: true, TokenKind: RegistryTokenKind.Identity }
            ? RefreshTokenRequest(realmUri, service, wanted, credentials.Token!)
            : BasicTokenRequest(realmUri, service, wanted, credentials);

        using var response = await RegistryErrors.SendAsync(client, request, registryHost, ct);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryAuthException($"token service for {registryHost} refused the configured credentials ({(int)response.StatusCode})");
        }
        await RegistryErrors.ThrowIfFailedAsync(response, $"token service for {registryHost}", ct);
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        var root = json.RootElement;
        var token = Text(root, "token") ?? Text(root, "access_token")
            ?? throw new RegistryAuthException($"token service for {registryHost} returned no token");
        var seconds = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) && s > 0 ? s : 60;
        // Renew a little early so a request never goes out with a token that expires in flight.
        return (new AuthenticationHeaderValue("Bearer", token), TimeSpan.FromSeconds(Math.Max(1, seconds - 10)));
    }

    private static HttpRequestMessage BasicTokenRequest(Uri realm, string? service, string scope, RegistryCredentials credentials)
    {
        var query = new List<string>();
        if (service is not null)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }
        query.Add("scope=" + Uri.EscapeDataString(scope));
        var separator = string.IsNullOrEmpty(realm.Query) ? "?" : "&";
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(realm + separator + string.Join('&', query)));
        if (credentials.HasBasic)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials.BasicValue());
        }
        return request;
    }

    private static HttpRequestMessage RefreshTokenRequest(Uri realm, string? service, string scope, string refreshToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
            ["client_id"] = "signingservice",
            ["scope"] = scope,
        };
        if (service is not null)
        {
            form["service"] = service;
        }
        return new HttpRequestMessage(HttpMethod.Post, realm) { Content = new FormUrlEncodedContent(form) };
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static bool IsLoopback(Uri uri) => uri.IsLoopback;
}
