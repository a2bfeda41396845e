namespace SigningService.Tests.Infrastructure.Registry;

[Collection(RegistryCollection.Name)]
public class RegistryServerTests(RegistryFixture registries)
{
    public static TheoryData<string> Variants => ["plain", "auth", "tls"];

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task PushRandomImage_AnyVariant_ManifestHeadFindsIt(string variant)
    {
        var server = Pick(variant);
        using var pusher = new OciImagePusher(server);
        var repository = RegistryFixture.UniqueRepository(variant);

        var image = await pusher.PushRandomImageAsync(repository, "v1");

        Assert.Matches("^sha256:[a-f0-9]{64}$", image.Digest);
        Assert.True(await pusher.ManifestExistsAsync(repository, "v1"));
        Assert.True(await pusher.ManifestExistsAsync(repository, image.Digest));
        Assert.Equal(["v1"], await pusher.ListTagsAsync(repository));
        Assert.Empty(await pusher.ListReferrersAsync(repository, image.Digest));
    }

    [Fact]
    public async Task AuthVariant_NoCredentials_Answers401()
    {
        using var anonymous = registries.Authenticated.CreateHttpClient();
        using var response = await anonymous.GetAsync("v2/");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Basic");
    }

    [Fact]
    public async Task TlsVariant_SystemTrustOnly_HandshakeFails()
    {
        using var client = new HttpClient { BaseAddress = registries.Tls.BaseUri };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("v2/"));
    }

    [Fact]
    public async Task StopThenStart_SamePortAndStorage_ImageStillThere()
    {
        await using var server = await RegistryServer.StartPlainAsync();
        using var pusher = new OciImagePusher(server);
        var image = await pusher.PushRandomImageAsync("restart/app", "keep");
        var port = server.Port;

        await server.StopAsync();
        Assert.False(server.IsRunning);
        using (var client = server.CreateHttpClient())
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("v2/"));
        }
        await Task.Delay(TimeSpan.FromSeconds(2));
        await server.StartAsync();

        Assert.Equal(port, server.Port);
        Assert.True(await pusher.ManifestExistsAsync("restart/app", image.Digest));
        Assert.True(await pusher.ManifestExistsAsync("restart/app", "keep"));
    }

    private RegistryServer Pick(string variant) => variant switch
    {
        "plain" => registries.Plain,
        "auth" => registries.Authenticated,
        _ => registries.Tls,
    };
}
