using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Oci;

namespace SigningService.Tests.Hsm;

/// <summary>
/// The image and attestation flows with HSM keys (`--key hsm://NAME` through the plugin and relay);
/// stock cosign verifies each result with the public PEM from /v1/keys.
/// </summary>
[Collection(HsmCollection.Name)]
public sealed class HsmImageTests(HsmCollectionFixture hsm)
{
    private static readonly object Spdx = new { spdxVersion = "SPDX-2.3", dataLicense = "CC0-1.0", SPDXID = "SPDXRef-DOCUMENT", name = "app" };
    private readonly HttpClient _client = hsm.Service.CreateClient();

    [Theory]
    [InlineData("hsm-p256")]
    [InlineData("hsm-rsa2048")]
    public async Task SignImage_HsmKey_StockCosignVerifiesWithPemFromKeys(string keyName)
    {
        var image = await OciApi.PushAsync(hsm.Registry, "hsm");
        var jobsBefore = JobsSignedWith(keyName);

        var signed = await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.DigestReference, key = keyName, annotations = new { env = "prod" } });

        Assert.Equal(keyName, signed["key"]!.GetValue<string>());
        Assert.Equal(image.Digest, signed["digest"]!.GetValue<string>());
        Assert.True(JobsSignedWith(keyName) > jobsBefore, "the relay recorded no HSM signature");
        await WithKeyFileAsync(keyName, async (dir, key) =>
        {
            var stock = await StockCosign.RunAsync(
                ["verify", "--key", key, "--insecure-ignore-tlog", "-a", "env=prod", "--", image.DigestReference], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);
            var other = await StockCosign.RunAsync(
                ["verify", "--key", key, "--insecure-ignore-tlog", "--", (await OciApi.PushAsync(hsm.Registry, "hsm")).DigestReference], dir);
            Assert.NotEqual(0, other.ExitCode); // an unsigned image does not verify with the same key
        });
    }

    [Fact]
    public async Task AttestImage_HsmP256_StockVerifyAttestationAccepts()
    {
        var image = await OciApi.PushAsync(hsm.Registry, "hsm");

        var attested = await OciApi.RunAsync(_client, "/v1/attest/image",
            new { image = image.DigestReference, key = TestHsmKeys.P256.Name, predicateType = "spdxjson", predicate = Spdx });

        Assert.Equal(image.Digest, attested["digest"]!.GetValue<string>());
        await WithKeyFileAsync(TestHsmKeys.P256.Name, async (dir, key) =>
        {
            var stock = await StockCosign.RunAsync(
                ["verify-attestation", "--key", key, "--insecure-ignore-tlog", "--type", "spdxjson", "--", image.DigestReference], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);
            var wrongType = await StockCosign.RunAsync(
                ["verify-attestation", "--key", key, "--insecure-ignore-tlog", "--type", "cyclonedx", "--", image.DigestReference], dir);
            Assert.NotEqual(0, wrongType.ExitCode);
        });
    }

    [Theory]
    [InlineData("hsm-p256")]
    [InlineData("hsm-rsa2048")]
    public async Task AttestBlob_HsmKey_StockVerifyBlobAttestationAccepts(string keyName)
    {
        var file = Encoding.UTF8.GetBytes("hsm attested artifact " + Guid.NewGuid());
        var predicate = System.Text.Json.JsonSerializer.Serialize(Spdx);

        var attested = await OciApi.RunFormAsync(_client, "/v1/attest/blob",
            TestApi.Form(("file", file), ("predicate", predicate), ("predicateType", "spdxjson"), ("key", keyName)));

        Assert.Equal("https://spdx.dev/Document", attested["statement"]!["predicateType"]!.GetValue<string>());
        await WithKeyFileAsync(keyName, async (dir, key) =>
        {
            var blob = Path.Combine(dir, "artifact.bin");
            var bundle = Path.Combine(dir, "bundle.json");
            await File.WriteAllBytesAsync(blob, file);
            await File.WriteAllTextAsync(bundle, attested["bundle"]!.ToJsonString());
            var stock = await StockCosign.RunAsync(
                ["verify-blob-attestation", "--key", key, "--insecure-ignore-tlog", "--type", "spdxjson", "--bundle", bundle, "--", blob], dir);
            Assert.True(stock.ExitCode == 0, stock.StandardError);

            await File.WriteAllBytesAsync(blob, [.. file, 0x0a]);
            var tampered = await StockCosign.RunAsync(
                ["verify-blob-attestation", "--key", key, "--insecure-ignore-tlog", "--type", "spdxjson", "--bundle", bundle, "--", blob], dir);
            Assert.NotEqual(0, tampered.ExitCode);
        });
    }

    [Fact]
    public async Task AttestImage_HsmKey_ServiceVerifiesWithSameKeyName()
    {
        var image = await OciApi.PushAsync(hsm.Registry, "hsm");
        await OciApi.RunAsync(_client, "/v1/attest/image",
            new { image = image.TagReference, key = TestHsmKeys.Rsa2048.Name, predicateType = "spdxjson", predicate = Spdx });

        var verified = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.TagReference, key = TestHsmKeys.Rsa2048.Name, predicateType = "spdxjson", ignoreTlog = true });
        var otherKey = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.TagReference, key = TestHsmKeys.P256.Name, predicateType = "spdxjson", ignoreTlog = true });

        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        var statement = Assert.Single(verified["statements"]!.AsArray())!;
        Assert.Equal(image.Digest[7..], statement["subject"]![0]!["digest"]!["sha256"]!.GetValue<string>());
        Assert.False(otherKey["verified"]!.GetValue<bool>());
    }

    private int JobsSignedWith(string keyName) => hsm.Service.Signatures.Records.Count(r => r.KeyName == keyName);

    private async Task WithKeyFileAsync(string keyName, Func<string, string, Task> check)
    {
        var dir = Directory.CreateTempSubdirectory("ss-hsm-image-").FullName;
        try
        {
            var key = Path.Combine(dir, "key.pem");
            await File.WriteAllTextAsync(key, await HsmApi.PublicKeyPemAsync(_client, keyName));
            await check(dir, key);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
