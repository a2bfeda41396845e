using Microsoft.Extensions.Logging.Abstractions;
using SigningService.Registry;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Registry;

[Collection(RegistryCollection.Name)]
public sealed class RegistryClientTests(RegistryFixture registries) : IDisposable
{
    private readonly SecretFiles _secrets = new();

    [Fact]
    public async Task ResolveDigestAsync_Tag_ReturnsPushedDigest()
    {
        var image = await PushAsync(registries.Plain);
        using var client = Client(Insecure(registries.Plain));

        var digest = await client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default);

        Assert.Equal(image.Digest, digest);
    }

    [Fact]
    public async Task ResolveDigestAsync_Digest_ReturnsSameDigest()
    {
        var image = await PushAsync(registries.Plain);
        using var client = Client(Insecure(registries.Plain));

        Assert.Equal(image.Digest, await client.Value.ResolveDigestAsync(ImageReference.Parse(image.DigestReference), default));
    }

    [Fact]
    public async Task GetManifestAsync_Tag_ReturnsVerifiedBytes()
    {
        var image = await PushAsync(registries.Plain);
        using var client = Client(Insecure(registries.Plain));

        var manifest = await client.Value.GetManifestAsync(ImageReference.Parse(image.TagReference), default);

        Assert.Equal(ManifestMediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(image.Digest, manifest.Digest);
        Assert.Equal(image.Manifest, manifest.Content);
    }

    [Fact]
    public async Task ResolveDigestAsync_HtpasswdRightCredentials_Resolves()
    {
        var image = await PushAsync(registries.Authenticated);
        using var client = Client(WithPassword(registries.Authenticated, registries.Authenticated.Password!));

        Assert.Equal(image.Digest, await client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));
        // Second call uses the cached Basic authorization.
        Assert.Equal(image.Digest, await client.Value.ResolveDigestAsync(ImageReference.Parse(image.DigestReference), default));
    }

    [Fact]
    public async Task ResolveDigestAsync_HtpasswdWrongPassword_ThrowsAuth()
    {
        var image = await PushAsync(registries.Authenticated);
        using var client = Client(WithPassword(registries.Authenticated, "wrong-password"));

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() => client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));

        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ResolveDigestAsync_HtpasswdNoCredentials_ThrowsAuth()
    {
        var image = await PushAsync(registries.Authenticated);
        using var client = Client(Insecure(registries.Authenticated));

        await Assert.ThrowsAsync<RegistryAuthException>(() => client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));
    }

    [Fact]
    public async Task ResolveDigestAsync_TlsWithCaBundle_Resolves()
    {
        var image = await PushAsync(registries.Tls);
        using var client = Client(new RegistryHostOptions { Host = registries.Tls.Host, CaBundleFile = registries.Tls.CaPemPath });

        Assert.Equal(image.Digest, await client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));
    }

    [Fact]
    public async Task ResolveDigestAsync_TlsWithoutCaBundle_ThrowsTlsError()
    {
        var image = await PushAsync(registries.Tls);
        using var client = Client();

        var error = await Assert.ThrowsAsync<RegistryTlsException>(() => client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));

        Assert.Contains("not trusted", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task ResolveDigestAsync_TlsTrustingAnotherCa_ThrowsTlsError()
    {
        var image = await PushAsync(registries.Tls);
        using var otherCa = TestCertificateAuthority.Create("unrelated CA");
        using var client = Client(new RegistryHostOptions { Host = registries.Tls.Host, CaBundleFile = otherCa.CaPemPath });

        await Assert.ThrowsAsync<RegistryTlsException>(() => client.Value.ResolveDigestAsync(ImageReference.Parse(image.TagReference), default));
    }

    [Theory]
    [InlineData("unknown/repo:v1")]
    [InlineData("KNOWN:nosuchtag")]
    [InlineData("KNOWN@sha256:0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task ResolveDigestAsync_Missing_ThrowsManifestUnknown(string what)
    {
        var image = await PushAsync(registries.Plain);
        using var client = Client(Insecure(registries.Plain));
        var reference = ImageReference.Parse($"{registries.Plain.Host}/{what.Replace("KNOWN", image.Repository, StringComparison.Ordinal)}");

        await Assert.ThrowsAsync<ManifestUnknownException>(() => client.Value.ResolveDigestAsync(reference, default));
        await Assert.ThrowsAsync<ManifestUnknownException>(() => client.Value.GetManifestAsync(reference, default));
    }

    [Fact]
    public async Task ResolveDigestAsync_StoppedRegistry_ThrowsUnavailable()
    {
        await using var server = await RegistryServer.StartPlainAsync();
        using var client = Client(Insecure(server));
        var reference = ImageReference.Parse($"{server.Host}/gone/app:v1");
        await server.StopAsync();

        var error = await Assert.ThrowsAsync<RegistryUnavailableException>(() => client.Value.ResolveDigestAsync(reference, default));

        Assert.True(error.IsTransient);
    }

    public void Dispose() => _secrets.Dispose();

    private static async Task<PushedImage> PushAsync(RegistryServer server)
    {
        using var pusher = new OciImagePusher(server);
        return await pusher.PushRandomImageAsync(RegistryFixture.UniqueRepository("client"), "v1");
    }

    private static RegistryHostOptions Insecure(RegistryServer server) => new() { Host = server.Host, Insecure = true };

    private RegistryHostOptions WithPassword(RegistryServer server, string password) =>
        new() { Host = server.Host, Insecure = true, Username = server.Username, PasswordFile = _secrets.Write("pw-" + Guid.NewGuid().ToString("N"), password + "\n") };

    private static ClientHandle Client(params RegistryHostOptions[] hosts)
    {
        var options = new TestOptionsMonitor<RegistryOptions>(new RegistryOptions { Hosts = [.. hosts], RequestTimeout = TimeSpan.FromSeconds(30) });
        var clients = new RegistryHttpClients(options);
        return new ClientHandle(clients, new RegistryClient(clients, new RegistryAuthenticator(options, TimeProvider.System), NullLogger<RegistryClient>.Instance));
    }

    private sealed record ClientHandle(RegistryHttpClients Clients, RegistryClient Value) : IDisposable
    {
        public void Dispose() => Clients.Dispose();
    }
}
