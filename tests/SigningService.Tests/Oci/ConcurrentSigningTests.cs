using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

/// <summary>cosign alone loses signatures when writers race on one digest; the service must not.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ConcurrentSigningTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Fact]
    public async Task SignImage_TwentyConcurrentJobsOnOneDigest_AllTwentySignaturesKept()
    {
        const int count = 20;
        var image = await OciApi.PushAsync(registries.Plain);

        var jobs = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, annotations = new { run = $"r{i}" } })));

        Assert.All(jobs, j => Assert.Equal(image.Digest, j["digest"]!.GetValue<string>()));
        var verified = await OciApi.RunAsync(_client, "/v1/verify/image", new { image = image.DigestReference, key = "release", ignoreTlog = true });
        var runs = verified["signatures"]!.AsArray().Select(p => p!["annotations"]!["run"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(Enumerable.Range(0, count).Select(i => $"r{i}").Order(), runs);

        // Stock cosign sees all of them too, and each annotation on its own verifies.
        var dir = Directory.CreateTempSubdirectory("stock-concurrent-").FullName;
        try
        {
            var key = await OciApi.PublicKeyFileAsync(_client, dir);
            var stock = await StockCosign.RunAsync(["verify", "--key", key, "--insecure-ignore-tlog", "--", image.DigestReference], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);
            Assert.Equal(count, JsonNode.Parse(stock.StandardOutput.Trim().Split('\n').Last(l => l.StartsWith('[')))!.AsArray().Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        var one = await OciApi.RunAsync(_client, "/v1/verify/image",
            new { image = image.DigestReference, key = "release", ignoreTlog = true, annotations = new { run = "r7" } });
        Assert.True(one["verified"]!.GetValue<bool>());
    }
}
