using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

/// <summary>sign → verify against a real registry with the real cosign, checked by stock cosign too.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ImageSigningTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Fact]
    public async Task SignImage_DigestReference_VerifiesWithServiceAndStockCosign()
    {
        var image = await OciApi.PushAsync(registries.Plain);

        var signed = await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, annotations = new { env = "prod" } });
        var verified = await OciApi.RunAsync(_client, "/v1/verify/image", new { image = image.DigestReference, key = "release", ignoreTlog = true });

        Assert.Equal(image.Digest, signed["digest"]!.GetValue<string>());
        Assert.Equal(image.DigestReference, signed["signed"]!.GetValue<string>());
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        var payload = Assert.Single(verified["signatures"]!.AsArray())!;
        Assert.Equal("prod", payload["annotations"]!["env"]!.GetValue<string>());
        Assert.Equal(image.Digest, payload["claims"]!["image"]!["docker-manifest-digest"]!.GetValue<string>());
        await AssertStockVerifiesAsync(image.DigestReference, 1, "-a", "env=prod");
    }

    [Fact]
    public async Task SignImage_TagReference_SignsResolvedDigest()
    {
        var image = await OciApi.PushAsync(registries.Plain);

        var signed = await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.TagReference });
        var byTag = await OciApi.RunAsync(_client, "/v1/verify/image", new { image = image.TagReference, key = "release", ignoreTlog = true });

        Assert.Equal(image.Digest, signed["digest"]!.GetValue<string>());
        Assert.Equal(image.DigestReference, signed["signed"]!.GetValue<string>());
        Assert.True(byTag["verified"]!.GetValue<bool>(), byTag.ToJsonString());
        Assert.Equal(image.Digest, byTag["digest"]!.GetValue<string>());
        await AssertStockVerifiesAsync(image.TagReference, 1);
    }

    [Fact]
    public async Task VerifyImage_AnnotationMismatch_NotVerified()
    {
        var image = await OciApi.PushAsync(registries.Plain);
        await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, annotations = new { env = "staging", note = "a,b" } });

        var match = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true, annotations = new { env = "staging", note = "a,b" } });
        var mismatch = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true, annotations = new { env = "prod" } });

        Assert.True(match["verified"]!.GetValue<bool>(), match.ToJsonString());
        Assert.False(mismatch["verified"]!.GetValue<bool>());
        Assert.Contains("annotation", mismatch["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task VerifyImage_WrongKeyOrUnsigned_NotVerified()
    {
        var image = await OciApi.PushAsync(registries.Plain);
        var unsigned = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true });
        await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, key = "other" });

        var wrongKey = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true });

        Assert.False(unsigned["verified"]!.GetValue<bool>());
        Assert.False(wrongKey["verified"]!.GetValue<bool>());
        Assert.Empty(wrongKey["signatures"]!.AsArray());
    }

    [Fact]
    public async Task VerifyImage_OnlyAnAttestation_NotVerified()
    {
        var image = await OciApi.PushAsync(registries.Plain);
        await OciApi.RunAsync(_client, "/v1/attest/image", new
        {
            image = image.DigestReference, predicateType = "spdxjson", predicate = new { spdxVersion = "SPDX-2.3", name = "app" },
        });

        var result = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true });

        Assert.False(result["verified"]!.GetValue<bool>(), result.ToJsonString());
    }

    [Fact]
    public async Task SignImage_SignatureRepository_SignaturesLiveThereAndVerifyFindsThem()
    {
        var image = await OciApi.PushAsync(registries.Plain);
        var signatures = $"{registries.Plain.Host}/{RegistryFixture.UniqueRepository("sigs")}";

        var signed = await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, signatureRepository = signatures });
        var there = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true, signatureRepository = signatures });
        var nextToImage = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true });

        Assert.Equal(signatures, signed["signatureRepository"]!.GetValue<string>());
        Assert.True(there["verified"]!.GetValue<bool>(), there.ToJsonString());
        Assert.False(nextToImage["verified"]!.GetValue<bool>());
        using var pusher = new OciImagePusher(registries.Plain);
        Assert.Empty(await pusher.ListReferrersAsync(image.Repository, image.Digest));
        Assert.NotEmpty(await pusher.ListReferrersAsync(signatures[(registries.Plain.Host.Length + 1)..], image.Digest));
    }

    [Fact]
    public async Task SignImage_LegacyFormat_SigTagVerifies()
    {
        var image = await OciApi.PushAsync(registries.Plain);

        await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, format = "legacy", dockerMediaTypes = true });
        var verified = await VerifyAsync(new { image = image.DigestReference, key = "release", ignoreTlog = true });

        using var pusher = new OciImagePusher(registries.Plain);
        Assert.Contains(image.Digest.Replace(':', '-') + ".sig", await pusher.ListTagsAsync(image.Repository));
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
    }

    private Task<JsonObject> VerifyAsync(object body) => OciApi.RunAsync(_client, "/v1/verify/image", body);

    private async Task AssertStockVerifiesAsync(string reference, int expectedSignatures, params string[] extra)
    {
        var dir = Directory.CreateTempSubdirectory("stock-verify-").FullName;
        try
        {
            var key = await OciApi.PublicKeyFileAsync(_client, dir);
            var run = await StockCosign.RunAsync(["verify", "--key", key, "--insecure-ignore-tlog", .. extra, "--", reference], dir);
            Assert.True(run.ExitCode == 0, run.StandardError);
            var array = JsonNode.Parse(run.StandardOutput.Trim().Split('\n').Last(l => l.StartsWith('[')))!.AsArray();
            Assert.Equal(expectedSignatures, array.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
