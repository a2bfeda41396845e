using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SigningService.Auth;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

/// <summary>JWKS fetched over real HTTP through the production registration, with caching and rate-limited refresh.</summary>
public sealed class JwksHttpTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private JwksTestServer _server = null!;
    private ServiceProvider? _services;

    public async Task InitializeAsync()
    {
        _server = await JwksTestServer.StartAsync();
        _server.Json = TestKey.Jwks(TestKeys.Rsa.ToJwk("RS256", "sig"));
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private JwtValidator CreateValidator(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Oidc:Issuers:0:Name"] = "github",
            ["Auth:Oidc:Issuers:0:Issuer"] = TestTokenBuilder.Issuer,
            ["Auth:Oidc:Issuers:0:Audiences:0"] = TestTokenBuilder.Audience,
            ["Auth:Oidc:Issuers:0:JwksUri"] = _server.JwksUri.ToString(),
            ["Auth:Oidc:Issuers:0:JwksMinRefreshInterval"] = "00:00:30",
            ["Auth:Oidc:Issuers:0:JwksCacheLifetime"] = "00:10:00",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddOidcJwtValidation();
        _services = services.BuildServiceProvider();
        return _services.GetRequiredService<JwtValidator>();
    }

    private string Token(TestKey key, string alg = "RS256", string? kid = null) => new TestTokenBuilder(_time.GetUtcNow()).Sign(key, alg, kid);

    [Fact]
    public async Task ValidateAsync_JwksFromUrl_FetchedOnceThenCached()
    {
        var validator = CreateValidator();

        for (var i = 0; i < 5; i++)
        {
            AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));
        }

        Assert.Equal(1, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_UnknownKidFlood_FetchesRateLimitedAndSingleFlight()
    {
        var validator = CreateValidator();
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));

        for (var i = 0; i < 20; i++)
        {
            AssertJwt.Fails(JwtFailureReason.UnknownKey, await validator.ValidateAsync(Token(TestKeys.Rsa, kid: $"made-up-{i}")));
        }
        Assert.Equal(1, _server.Requests);

        _time.Advance(TimeSpan.FromSeconds(31));
        _server.Delay = TimeSpan.FromMilliseconds(300);
        var flood = Enumerable.Range(0, 30).Select(i => validator.ValidateAsync(Token(TestKeys.Rsa, kid: $"flood-{i}")));
        var results = await Task.WhenAll(flood);

        Assert.All(results, r => AssertJwt.Fails(JwtFailureReason.UnknownKey, r));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_RotatedKey_AcceptedOnceRefreshIsAllowed()
    {
        var validator = CreateValidator();
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));
        _server.Json = TestKey.Jwks(TestKeys.Rsa.ToJwk(), TestKeys.P256.ToJwk());

        AssertJwt.Fails(JwtFailureReason.UnknownKey, await validator.ValidateAsync(Token(TestKeys.P256, "ES256")));
        _time.Advance(TimeSpan.FromSeconds(31));

        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.P256, "ES256")));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_CacheLifetimeElapsed_Refetches()
    {
        var validator = CreateValidator();
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));

        _time.Advance(TimeSpan.FromMinutes(11));
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));

        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_JwksServerError_UnavailableThenRecovers()
    {
        var validator = CreateValidator();
        _server.StatusCode = 500;

        AssertJwt.Fails(JwtFailureReason.JwksUnavailable, await validator.ValidateAsync(Token(TestKeys.Rsa)));
        AssertJwt.Fails(JwtFailureReason.JwksUnavailable, await validator.ValidateAsync(Token(TestKeys.Rsa)));
        Assert.Equal(1, _server.Requests); // failures are rate-limited too

        _server.StatusCode = 200;
        _time.Advance(TimeSpan.FromSeconds(31));
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_RefreshFailsAfterExpiry_KeepsPreviousKeys()
    {
        var validator = CreateValidator();
        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));
        _server.StatusCode = 503;

        _time.Advance(TimeSpan.FromMinutes(11));

        AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.Rsa)));
        Assert.Equal(2, _server.Requests);
    }

    [Fact]
    public async Task ValidateAsync_JwksLargerThanLimit_Unavailable()
    {
        var validator = CreateValidator(new() { ["Auth:Oidc:Issuers:0:JwksMaxBytes"] = "2048" });
        _server.Json = _server.Json[..^1] + ",\"padding\":\"" + new string('x', 4096) + "\"}";

        AssertJwt.Fails(JwtFailureReason.JwksUnavailable, await validator.ValidateAsync(Token(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_JwksServerTooSlow_UnavailableAfterTimeout()
    {
        var validator = CreateValidator(new() { ["Auth:Oidc:Issuers:0:JwksFetchTimeout"] = "00:00:01" });
        _server.Delay = TimeSpan.FromSeconds(20);
        var started = TimeProvider.System.GetTimestamp();

        AssertJwt.Fails(JwtFailureReason.JwksUnavailable, await validator.ValidateAsync(Token(TestKeys.Rsa)));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(15));
        _server.Delay = TimeSpan.Zero;
    }

    [Fact]
    public async Task ValidateAsync_JwksFile_Used()
    {
        var dir = Directory.CreateTempSubdirectory("ss-jwks-");
        try
        {
            var file = Path.Combine(dir.FullName, "jwks.json");
            await File.WriteAllTextAsync(file, TestKey.Jwks(TestKeys.P384.ToJwk()));
            var validator = CreateValidator(new() { ["Auth:Oidc:Issuers:0:JwksUri"] = null, ["Auth:Oidc:Issuers:0:JwksFile"] = file });

            AssertJwt.Succeeds(await validator.ValidateAsync(Token(TestKeys.P384, "ES384")));
            Assert.Equal(0, _server.Requests);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
