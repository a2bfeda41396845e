using Microsoft.Extensions.Logging.Abstractions;
using SigningService.Registry;

namespace SigningService.Tests.Registry;

public sealed class RegistryBearerAuthTests : IDisposable
{
    private readonly SecretFiles _secrets = new();

    [Fact]
    public async Task ResolveDigestAsync_BearerChallengeWithPassword_ExchangesToken()
    {
        await using var fake = await BearerTokenRegistry.StartAsync("robot", "pw", "refresh");
        var client = Client(new RegistryHostOptions { Host = fake.Host, Insecure = true, Username = "robot", PasswordFile = _secrets.Write("pw", "pw") });

        var digest = await client.ResolveDigestAsync(ImageReference.Parse($"{fake.Host}/team/app:v1"), default);
        await client.ResolveDigestAsync(ImageReference.Parse($"{fake.Host}/team/app:v2"), default);

        Assert.Equal(BearerTokenRegistry.Digest, digest);
        var request = Assert.Single(fake.TokenRequests); // the second resolve reused the cached token
        Assert.Contains("service=fake-registry", request, StringComparison.Ordinal);
        Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveDigestAsync_BearerChallengeWithIdentityToken_UsesRefreshGrant()
    {
        await using var fake = await BearerTokenRegistry.StartAsync("robot", "pw", "refresh");
        var client = Client(new RegistryHostOptions { Host = fake.Host, Insecure = true, TokenFile = _secrets.Write("t", "refresh"), TokenKind = RegistryTokenKind.Identity });

        Assert.Equal(BearerTokenRegistry.Digest, await client.ResolveDigestAsync(ImageReference.Parse($"{fake.Host}/team/app:v1"), default));
        Assert.Equal("POST refresh_token repository:team/app:pull fake-registry", Assert.Single(fake.TokenRequests));
    }

    [Fact]
    public async Task ResolveDigestAsync_BearerChallengeWithRegistryToken_SendsItDirectly()
    {
        await using var fake = await BearerTokenRegistry.StartAsync("robot", "pw", "refresh");
        var client = Client(new RegistryHostOptions { Host = fake.Host, Insecure = true, TokenFile = _secrets.Write("t", "granted-token\n") });

        Assert.Equal(BearerTokenRegistry.Digest, await client.ResolveDigestAsync(ImageReference.Parse($"{fake.Host}/team/app:v1"), default));
        Assert.Empty(fake.TokenRequests);
    }

    [Fact]
    public async Task ResolveDigestAsync_TokenServiceRefuses_ThrowsAuth()
    {
        await using var fake = await BearerTokenRegistry.StartAsync("robot", "pw", "refresh");
        var client = Client(new RegistryHostOptions { Host = fake.Host, Insecure = true, Username = "robot", PasswordFile = _secrets.Write("pw", "bad") });

        await Assert.ThrowsAsync<RegistryAuthException>(() => client.ResolveDigestAsync(ImageReference.Parse($"{fake.Host}/team/app:v1"), default));
    }

    public void Dispose() => _secrets.Dispose();

    private static RegistryClient Client(RegistryHostOptions host)
    {
        var options = new TestOptionsMonitor<RegistryOptions>(new RegistryOptions { Hosts = [host] });
        return new RegistryClient(new RegistryHttpClients(options), new RegistryAuthenticator(options, TimeProvider.System), NullLogger<RegistryClient>.Instance);
    }
}
