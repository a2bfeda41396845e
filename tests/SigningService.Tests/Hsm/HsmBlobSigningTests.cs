using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Hsm;

/// <summary>Sign blobs through the API with P-256, P-384 and RSA keys in SoftHSM; stock cosign verifies each result.</summary>
[Collection(HsmCollection.Name)]
public sealed class HsmBlobSigningTests(HsmCollectionFixture hsm)
{
    private readonly HttpClient _client = hsm.Service.CreateClient();

    // P-384 is not here: stock cosign 3.1 signs P-384 with SHA-384 (sigstore's default for the key) but
    // `verify-blob --key pub.pem` loads every PEM key with SHA-256, so it refuses P-384 signatures even
    // from file keys. SignBlob_P384_SignatureIsEcdsaSha384OverArtifact checks P-384 independently.
    [Theory]
    [InlineData("hsm-p256")]
    [InlineData("hsm-rsa2048")]
    public async Task SignBlob_HsmKey_StockCosignVerifiesWithPemFromKeys(string keyName)
    {
        var payload = RandomNumberGenerator.GetBytes(2048);
        var job = await HsmApi.SignAsync(_client, payload, keyName);
        Assert.Equal(keyName, job["result"]!["key"]!.GetValue<string>());
        var pem = await HsmApi.PublicKeyPemAsync(_client, keyName);

        var work = Directory.CreateTempSubdirectory("ss-hsm-verify-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(work, "artifact"), payload);
            await File.WriteAllTextAsync(Path.Combine(work, "key.pem"), pem);
            await File.WriteAllTextAsync(Path.Combine(work, "bundle.json"), job["result"]!["bundle"]!.ToJsonString());
            await File.WriteAllTextAsync(Path.Combine(work, "sig"), job["result"]!["signature"]!.GetValue<string>());

            var byBundle = await StockCosign.RunAsync(
                ["verify-blob", "--key", "key.pem", "--bundle", "bundle.json", "--insecure-ignore-tlog", "--", "artifact"], work);
            Assert.True(byBundle.ExitCode == 0, $"bundle: {byBundle.StandardError}");
            var bySignature = await StockCosign.RunAsync(
                ["verify-blob", "--key", "key.pem", "--signature", "sig", "--insecure-ignore-tlog", "--", "artifact"], work);
            Assert.True(bySignature.ExitCode == 0, $"signature: {bySignature.StandardError}");

            await File.WriteAllBytesAsync(Path.Combine(work, "artifact"), [.. payload, 0x00]);
            var tampered = await StockCosign.RunAsync(
                ["verify-blob", "--key", "key.pem", "--bundle", "bundle.json", "--insecure-ignore-tlog", "--", "artifact"], work);
            Assert.NotEqual(0, tampered.ExitCode);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task SignBlob_P384_SignatureIsEcdsaSha384OverArtifact()
    {
        var payload = RandomNumberGenerator.GetBytes(2048);
        var result = (await HsmApi.SignAsync(_client, payload, TestHsmKeys.P384.Name))["result"]!;
        using var key = ECDsa.Create();
        key.ImportFromPem(await HsmApi.PublicKeyPemAsync(_client, TestHsmKeys.P384.Name));

        var signature = Convert.FromBase64String(result["signature"]!.GetValue<string>());
        Assert.True(key.VerifyData(payload, signature, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence));
        var digest = result["bundle"]!["messageSignature"]!["messageDigest"]!;
        Assert.Equal("SHA2_384", digest["algorithm"]!.GetValue<string>());
        Assert.Equal(SHA384.HashData(payload), Convert.FromBase64String(digest["digest"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ListKeys_HsmKeys_KindHsmWithAlgorithmAndTokenPem()
    {
        var keys = await _client.GetFromJsonAsync<JsonArray>("/v1/keys");

        foreach (var expected in TestHsmKeys.All)
        {
            var key = keys!.Single(k => k!["name"]!.GetValue<string>() == expected.Name)!;
            Assert.Equal("hsm", key["kind"]!.GetValue<string>());
            Assert.Equal(expected.Algorithm, key["algorithm"]!.GetValue<string>());
            Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key["publicKeyPem"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }
}
