using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

/// <summary>Attestations on images and files, checked by the service and by stock cosign.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ImageAttestationTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private const string CustomType = "https://example.com/attestations/test-report/v1";
    private static readonly object Spdx = new { spdxVersion = "SPDX-2.3", dataLicense = "CC0-1.0", SPDXID = "SPDXRef-DOCUMENT", name = "app" };
    private static readonly object Custom = new { suite = "integration", passed = 42 };
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Theory]
    [InlineData("spdxjson", "https://spdx.dev/Document")]
    [InlineData(CustomType, CustomType)]
    public async Task AttestImage_VerifyAttestation_ServiceAndStockCosignAccept(string predicateType, string expectedUri)
    {
        var image = await OciApi.PushAsync(registries.Plain);
        var predicate = predicateType == "spdxjson" ? Spdx : Custom;

        var attested = await OciApi.RunAsync(_client, "/v1/attest/image", new { image = image.TagReference, predicateType, predicate });
        var verified = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.TagReference, predicateType, key = "release", ignoreTlog = true });

        Assert.Equal(image.Digest, attested["digest"]!.GetValue<string>());
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        var statement = Assert.Single(verified["statements"]!.AsArray())!;
        Assert.Equal(expectedUri, statement["predicateType"]!.GetValue<string>());
        Assert.Equal(image.Digest[7..], statement["subject"]![0]!["digest"]!["sha256"]!.GetValue<string>());

        var dir = Directory.CreateTempSubdirectory("stock-attest-").FullName;
        try
        {
            var key = await OciApi.PublicKeyFileAsync(_client, dir);
            var stock = await StockCosign.RunAsync(
                ["verify-attestation", "--key", key, "--insecure-ignore-tlog", "--type", predicateType, "--", image.DigestReference], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task VerifyAttestation_WrongPredicateType_NotVerified()
    {
        var image = await OciApi.PushAsync(registries.Plain);
        await OciApi.RunAsync(_client, "/v1/attest/image", new { image = image.DigestReference, predicateType = "spdxjson", predicate = Spdx });

        var wrongType = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.DigestReference, predicateType = "cyclonedx", key = "release", ignoreTlog = true });
        var wrongKey = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.DigestReference, predicateType = "spdxjson", key = "other", ignoreTlog = true });

        Assert.False(wrongType["verified"]!.GetValue<bool>());
        Assert.Empty(wrongType["statements"]!.AsArray());
        Assert.False(wrongKey["verified"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("spdxjson", "https://spdx.dev/Document")]
    [InlineData(CustomType, CustomType)]
    public async Task AttestBlob_VerifyBlobAttestation_ServiceAndStockCosignAccept(string predicateType, string expectedUri)
    {
        var file = Encoding.UTF8.GetBytes("release artifact " + Guid.NewGuid());
        var predicate = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(predicateType == "spdxjson" ? Spdx : Custom))!.ToJsonString();

        var attested = await OciApi.RunFormAsync(_client, "/v1/attest/blob",
            TestApi.Form(("file", file), ("predicate", predicate), ("predicateType", predicateType)));
        var bundle = attested["bundle"]!.ToJsonString();
        var verified = await OciApi.RunFormAsync(_client, "/v1/verify/blob-attestation",
            TestApi.Form(("file", file), ("bundle", bundle), ("predicateType", predicateType), ("key", "release")));
        var wrongType = await OciApi.RunFormAsync(_client, "/v1/verify/blob-attestation",
            TestApi.Form(("file", file), ("bundle", bundle), ("predicateType", "openvex"), ("key", "release")));
        var otherFile = await OciApi.RunFormAsync(_client, "/v1/verify/blob-attestation",
            TestApi.Form(("file", Encoding.UTF8.GetBytes("another file")), ("bundle", bundle), ("predicateType", predicateType), ("key", "release")));

        Assert.Equal(expectedUri, attested["statement"]!["predicateType"]!.GetValue<string>());
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.Equal(expectedUri, verified["statements"]![0]!["predicateType"]!.GetValue<string>());
        Assert.False(wrongType["verified"]!.GetValue<bool>());
        Assert.False(otherFile["verified"]!.GetValue<bool>());

        var dir = Directory.CreateTempSubdirectory("stock-blob-attest-").FullName;
        try
        {
            var key = await OciApi.PublicKeyFileAsync(_client, dir);
            var blob = Path.Combine(dir, "artifact.bin");
            var bundlePath = Path.Combine(dir, "bundle.json");
            await File.WriteAllBytesAsync(blob, file);
            await File.WriteAllTextAsync(bundlePath, bundle);
            var stock = await StockCosign.RunAsync(
                ["verify-blob-attestation", "--key", key, "--insecure-ignore-tlog", "--type", predicateType, "--bundle", bundlePath, "--", blob], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
