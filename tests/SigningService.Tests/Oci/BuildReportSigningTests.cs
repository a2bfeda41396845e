using System.Security.Cryptography;
using System.Text;
using SigningService.Registry;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

[Collection(RegistryCollection.Name)]
public sealed class BuildReportSigningTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Fact]
    public async Task SignBuildReport_ThreeImagesOneDigestMismatch_TwoSignedOneRefused()
    {
        using var pusher = new OciImagePusher(registries.Plain);
        var (first, second, third) = (Repo(), Repo(), Repo());
        var digest = await PushSameImageAsync(pusher, [first, second]);
        await pusher.PushRandomImageAsync(third, "latest");
        var host = registries.Plain.Host;
        var report = $"""
            # written by the lifecycle exporter
            [image]
              tags = ["{host}/{first}:v1",
                      "{host}/{second}:v1", "{host}/{third}:latest"]
              digest = "{digest}"
              image-id = ""
              manifest-size = 321

            [build]
              [[build.bom]]
                name = "node"
                [build.bom.metadata]
                  version = "20.1"
            """;

        var result = await OciApi.RunFormAsync(_client, "/v1/sign/build-report",
            TestApi.Form(("report", report), ("annotations", """{"pipeline":"cnb"}""")));

        Assert.Equal(2, result["signed"]!.GetValue<int>());
        Assert.Equal(1, result["refused"]!.GetValue<int>());
        Assert.False(result["allSigned"]!.GetValue<bool>());
        var outcomes = result["images"]!.AsArray().ToDictionary(o => o!["image"]!.GetValue<string>(), o => o!["status"]!.GetValue<string>());
        Assert.Equal("signed", outcomes[$"{host}/{first}:v1"]);
        Assert.Equal("signed", outcomes[$"{host}/{second}:v1"]);
        Assert.Equal("refused", outcomes[$"{host}/{third}:latest"]);
        foreach (var (repository, expected) in new[] { (first, true), (second, true), (third, false) })
        {
            var reference = $"{host}/{repository}:{(repository == third ? "latest" : "v1")}";
            var verified = await OciApi.RunAsync(_client, "/v1/verify/image",
                new { image = reference, key = "release", ignoreTlog = true, annotations = new { pipeline = "cnb" } });
            Assert.Equal(expected, verified["verified"]!.GetValue<bool>());
        }
    }

    [Theory]
    [InlineData("[build]\n", "no [image]")]
    [InlineData("[image]\ndigest = \"sha256:abc\"\ntags = [\"127.0.0.1:5000/a:v1\"]\n", "bad digest")]
    [InlineData("[image]\ntags = [\"--key=/etc/passwd\"]\ndigest = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"\n", "option tag")]
    [InlineData("[image]\ntags = []\ndigest = \"sha256:0000000000000000000000000000000000000000000000000000000000000000\"\n", "no tags")]
    public async Task SignBuildReport_BadReport_Refused(string report, string because)
    {
        var response = await _client.PostAsync("/v1/sign/build-report", TestApi.Form(("report", report)));

        await Api.BadInputTests.AssertProblemAsync(response, 400, "validation", because);
    }

    private static string Repo() => RegistryFixture.UniqueRepository("cnb");

    /// <summary>One image (same bytes, same digest) pushed to several repositories, as an exporter with several tags does.</summary>
    private static async Task<string> PushSameImageAsync(OciImagePusher pusher, string[] repositories)
    {
        var layer = RandomNumberGenerator.GetBytes(512);
        var config = Encoding.UTF8.GetBytes($$$"""{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":["{{{ContentDigest.Sha256(layer)}}}"]}}""");
        var manifest = Encoding.UTF8.GetBytes(new System.Text.Json.Nodes.JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = ManifestMediaTypes.OciManifest,
            ["config"] = new System.Text.Json.Nodes.JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.config.v1+json", ["digest"] = ContentDigest.Sha256(config), ["size"] = config.Length,
            },
            ["layers"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject
            {
                ["mediaType"] = "application/vnd.oci.image.layer.v1.tar", ["digest"] = ContentDigest.Sha256(layer), ["size"] = layer.Length,
            }),
        }.ToJsonString());
        string digest = "";
        foreach (var repository in repositories)
        {
            await pusher.PushBlobAsync(repository, config);
            await pusher.PushBlobAsync(repository, layer);
            digest = await pusher.PushManifestAsync(repository, "v1", ManifestMediaTypes.OciManifest, manifest);
        }
        return digest;
    }
}
