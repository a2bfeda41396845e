using JwtKeys = SigningService.Tests.Auth.TestKeys;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SigningService.Auth.ApiKeys;
using SigningService.Tests.Auth;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Security;

/// <summary>
/// The service with real policies: API keys for a CI bot, a reader and another team, and a
/// GitHub-Actions-shaped OIDC issuer whose JWKS a real HTTP server on 127.0.0.1 serves, and a
/// plain registry for the image rules (team-a's repositories only).
/// </summary>
public sealed class SecurityFixture : IAsyncLifetime
{
    public const string CiBotKey = "ss_ci-bot-test-key-0123456789";
    public const string ReaderKey = "ss_reader-test-key-0123456789";
    public const string OtherTeamKey = "ss_other-team-test-key-012345";
    public const string TeamAKey = "ss_team-a-test-key-0123456789";

    /// <summary>The only image repository the "image-releases" OIDC rule grants (under the registry).</summary>
    public const string OidcImageRepository = "team-a/app";
    public const string OidcImageClaim = "org/image-app";

    private JwksTestServer? _jwks;

    public ServiceFactory Factory { get; private set; } = null!;

    public RegistryServer Registry { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _jwks = await JwksTestServer.StartAsync();
        _jwks.Json = JwtKeys.Jwks();
        Registry = await RegistryServer.StartPlainAsync();
        Factory = new ServiceFactory(Settings(_jwks.JwksUri, Registry.Host));
    }

    public static Dictionary<string, string?> Settings(Uri jwksUri, string? registryHost = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Oidc:Issuers:0:Name"] = "github",
            ["Auth:Oidc:Issuers:0:Issuer"] = TestTokenBuilder.Issuer,
            ["Auth:Oidc:Issuers:0:Audience"] = TestTokenBuilder.Audience,
            ["Auth:Oidc:Issuers:0:JwksUri"] = jwksUri.ToString(),
        };
        ApiKey(settings, 1, "ci-bot", CiBotKey);
        ApiKey(settings, 2, "reader", ReaderKey);
        ApiKey(settings, 3, "other-team", OtherTeamKey);
        Rule(settings, 1, "ci-bot", apiKey: "ci-bot", ops: ["sign", "verify", "read-jobs"], keys: ["release"], blobs: ["*.tar.gz"]);
        Rule(settings, 2, "reader", apiKey: "reader", ops: ["verify", "read-jobs", "read-keys"], keys: ["*"], blobs: ["*"]);
        Rule(settings, 3, "other-team", apiKey: "other-team", ops: ["sign", "read-jobs"], keys: ["other"], blobs: ["*"]);
        Rule(settings, 4, "app-releases", issuer: "github", ops: ["sign", "read-jobs"], keys: ["release"], blobs: ["app-*"],
            claims: new() { ["repository"] = "org/app", ["ref"] = "refs/heads/*" });
        if (registryHost is not null)
        {
            settings["Registries:Hosts:0:Host"] = registryHost;
            settings["Registries:Hosts:0:Insecure"] = "true"; // loopback only
            ApiKey(settings, 4, "team-a", TeamAKey);
            Rule(settings, 5, "team-a-images", apiKey: "team-a", ops: ["sign", "verify"], keys: ["release"], blobs: [],
                images: [$"{registryHost}/team-a/*"]);
            Rule(settings, 6, "image-releases", issuer: "github", ops: ["sign", "attest"], keys: ["release"], blobs: [],
                images: [$"{registryHost}/{OidcImageRepository}"], claims: new() { ["repository"] = OidcImageClaim });
        }
        return settings;
    }

    private static void ApiKey(Dictionary<string, string?> s, int i, string name, string key)
    {
        s[$"Auth:ApiKeys:Keys:{i}:Name"] = name;
        s[$"Auth:ApiKeys:Keys:{i}:Sha256"] = ApiKeyHasher.Hash(key);
    }

    private static void Rule(Dictionary<string, string?> s, int i, string name, string[] ops, string[] keys, string[] blobs,
        string? apiKey = null, string? issuer = null, Dictionary<string, string>? claims = null, string[]? images = null)
    {
        var p = $"Auth:Policies:{i}";
        s[$"{p}:Name"] = name;
        s[$"{p}:ApiKey"] = apiKey;
        s[$"{p}:Issuer"] = issuer;
        for (var j = 0; j < ops.Length; j++) s[$"{p}:Operations:{j}"] = ops[j];
        for (var j = 0; j < keys.Length; j++) s[$"{p}:Keys:{j}"] = keys[j];
        for (var j = 0; j < blobs.Length; j++) s[$"{p}:Blobs:{j}"] = blobs[j];
        for (var j = 0; j < (images ?? []).Length; j++) s[$"{p}:Images:{j}"] = images![j];
        foreach (var (claim, pattern) in claims ?? []) s[$"{p}:Claims:{claim}"] = pattern;
    }

    /// <summary>A client sending <paramref name="bearer"/> (none when null).</summary>
    public HttpClient Client(string? bearer)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }

    /// <summary>A GitHub-Actions-shaped token from the test issuer.</summary>
    internal static string GitHubToken(string repository, string gitRef = "refs/heads/main", Action<TestTokenBuilder>? change = null, TestKey? key = null)
    {
        var builder = new TestTokenBuilder(DateTimeOffset.UtcNow)
            .With("sub", $"repo:{repository}:ref:{gitRef}")
            .With("repository", repository)
            .With("ref", gitRef)
            .With("workflow", "release")
            .With("repository_owner", repository.Split('/')[0]);
        change?.Invoke(builder);
        return builder.Sign(key ?? JwtKeys.Rsa);
    }

    public IReadOnlyList<JsonObject> AuditRecords() => AuditFile.Read(Factory.AuditPath);

    /// <summary>Job outcomes are appended when the job finishes, moments after the response.</summary>
    public async Task<JsonObject> WaitForAuditAsync(Func<JsonObject, bool> predicate)
    {
        for (var i = 0; i < 200; i++)
        {
            if (AuditRecords().FirstOrDefault(predicate) is { } record)
            {
                return record;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("no matching audit record: " + string.Join("\n", AuditRecords().Select(r => r.ToJsonString())));
    }

    public async Task DisposeAsync()
    {
        Factory.Dispose();
        if (Registry is not null)
        {
            await Registry.DisposeAsync();
        }
        if (_jwks is not null)
        {
            await _jwks.DisposeAsync();
        }
    }
}
