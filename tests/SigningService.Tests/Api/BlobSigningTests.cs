using System.Net.Http.Json;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Api;

/// <summary>Sign and verify files through the API with the real cosign; stock cosign checks the results.</summary>
public sealed class BlobSigningTests(BlobSigningTests.Fixture fixture) : IClassFixture<BlobSigningTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public ServiceFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly HttpClient _client = fixture.Factory.CreateClient();
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("release artifact " + Guid.NewGuid());

    private async Task<JsonObject> SignAsync(byte[] payload, string? key = null)
    {
        var parts = new List<(string, object)> { ("file", payload) };
        if (key is not null)
        {
            parts.Add(("key", key));
        }
        return await TestApi.RunJobAsync(_client, "/v1/sign/blob", TestApi.Form([.. parts]));
    }

    private async Task<JsonObject> VerifyAsync(params (string, object)[] parts)
    {
        var job = await TestApi.RunJobAsync(_client, "/v1/verify/blob", TestApi.Form(parts));
        return job["result"]!.AsObject();
    }

    [Fact]
    public async Task SignBlob_ThenVerify_RoundTripSucceeds()
    {
        var job = await SignAsync(Payload);
        var result = job["result"]!.AsObject();
        Assert.Equal(TestKeys.Release, result["key"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Payload)),
            result["artifact"]!["sha256"]!.GetValue<string>());
        var bundle = result["bundle"]!.ToJsonString();

        var verified = await VerifyAsync(("file", Payload), ("bundle", bundle), ("key", TestKeys.Release));
        Assert.True(verified["verified"]!.GetValue<bool>(), TestApi.Pretty(verified));
    }

    [Fact]
    public async Task SignBlob_BundleAndSignatureDownload_StockCosignVerifiesWithPemFromKeys()
    {
        var job = await SignAsync(Payload);
        var id = job["id"]!.GetValue<string>();
        Assert.Equal(["bundle", "signature"], job["artifacts"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()).ToArray());

        var work = Directory.CreateTempSubdirectory("ss-stock-").FullName;
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(work, "artifact"), Payload);
            await File.WriteAllBytesAsync(Path.Combine(work, "bundle.json"), await _client.GetByteArrayAsync($"/v1/jobs/{id}/artifacts/bundle"));
            await File.WriteAllBytesAsync(Path.Combine(work, "sig"), await _client.GetByteArrayAsync($"/v1/jobs/{id}/artifacts/signature"));
            var keys = await _client.GetFromJsonAsync<JsonArray>("/v1/keys");
            var listed = keys!.Single(k => k!["name"]!.GetValue<string>() == TestKeys.Release)!["publicKeyPem"]!.GetValue<string>();
            var pem = await _client.GetStringAsync($"/v1/keys/{TestKeys.Release}/public.pem");
            Assert.Equal(listed, pem);
            await File.WriteAllTextAsync(Path.Combine(work, "key.pem"), pem);

            var byBundle = await StockCosign.RunAsync(
                ["verify-blob", "--key", "key.pem", "--bundle", "bundle.json", "--insecure-ignore-tlog", "--", "artifact"], work);
            Assert.True(byBundle.ExitCode == 0, byBundle.StandardError);
            var bySignature = await StockCosign.RunAsync(
                ["verify-blob", "--key", "key.pem", "--signature", "sig", "--insecure-ignore-tlog", "--", "artifact"], work);
            Assert.True(bySignature.ExitCode == 0, bySignature.StandardError);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task VerifyBlob_TamperedFile_NotVerifiedWithReason()
    {
        var bundle = (await SignAsync(Payload))["result"]!["bundle"]!.ToJsonString();
        var tampered = Payload.Append((byte)'!').ToArray();

        var result = await VerifyAsync(("file", tampered), ("bundle", bundle), ("key", TestKeys.Release));

        Assert.False(result["verified"]!.GetValue<bool>());
        Assert.Contains("signature", result["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task VerifyBlob_WrongKey_NotVerified()
    {
        var bundle = (await SignAsync(Payload))["result"]!["bundle"]!.ToJsonString();

        var result = await VerifyAsync(("file", Payload), ("bundle", bundle), ("key", TestKeys.Other));

        Assert.False(result["verified"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(result["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task VerifyBlob_UploadedPublicKeyOfOtherKey_NotVerified()
    {
        var bundle = (await SignAsync(Payload, TestKeys.Other))["result"]!["bundle"]!.ToJsonString();
        var releasePem = await _client.GetStringAsync($"/v1/keys/{TestKeys.Release}/public.pem");
        var otherPem = await _client.GetStringAsync($"/v1/keys/{TestKeys.Other}/public.pem");

        var wrong = await VerifyAsync(("file", Payload), ("bundle", bundle), ("publicKey", releasePem));
        var right = await VerifyAsync(("file", Payload), ("bundle", bundle), ("publicKey", otherPem));

        Assert.False(wrong["verified"]!.GetValue<bool>());
        Assert.True(right["verified"]!.GetValue<bool>(), TestApi.Pretty(right));
    }

    [Fact]
    public async Task VerifyBlob_CorruptedBundleSignature_NotVerified()
    {
        var bundle = (await SignAsync(Payload))["result"]!["bundle"]!.AsObject();
        var signature = Convert.FromBase64String(bundle["messageSignature"]!["signature"]!.GetValue<string>());
        signature[^3] ^= 0x55;
        bundle["messageSignature"]!["signature"] = Convert.ToBase64String(signature);

        var result = await VerifyAsync(("file", Payload), ("bundle", bundle.ToJsonString()), ("key", TestKeys.Release));

        Assert.False(result["verified"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(result["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task VerifyBlob_BareSignature_VerifiedWithKey()
    {
        var signature = (await SignAsync(Payload))["result"]!["signature"]!.GetValue<string>();

        var good = await VerifyAsync(("file", Payload), ("signature", signature), ("key", TestKeys.Release));
        var bad = await VerifyAsync(("file", Payload), ("signature", signature), ("key", TestKeys.Other));

        Assert.True(good["verified"]!.GetValue<bool>(), TestApi.Pretty(good));
        Assert.False(bad["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task VerifyBlob_RequireTlogWithoutTlogEntry_NotVerified()
    {
        var bundle = (await SignAsync(Payload))["result"]!["bundle"]!.ToJsonString();

        var result = await VerifyAsync(("file", Payload), ("bundle", bundle), ("key", TestKeys.Release), ("requireTlog", "true"));

        Assert.False(result["verified"]!.GetValue<bool>());
        Assert.Contains("transparency-log", result["reason"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyBlob_BundleWithBogusSignedTimestamp_TimestampIsCheckedSoNotVerified()
    {
        // A verifier that skips signed timestamps (cosign's default) accepts this bundle; ours must not.
        var bundle = (await SignAsync(Payload))["result"]!["bundle"]!.AsObject();
        bundle["verificationMaterial"]!["timestampVerificationData"] = JsonNode.Parse("""{"rfc3161Timestamps":[{"signedTimestamp":"MIIBAAAA"}]}""");
        const string trustedRoot = """{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[],"certificateAuthorities":[],"ctlogs":[],"timestampAuthorities":[]}""";

        var result = await VerifyAsync(("file", Payload), ("bundle", bundle.ToJsonString()), ("key", TestKeys.Release), ("trustedRoot", trustedRoot));

        Assert.False(result["verified"]!.GetValue<bool>());
        Assert.True(result["signedTimestampsChecked"]!.GetValue<bool>());
        Assert.Contains("timestamp", result["reason"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignBlob_WithoutPreferWait_Answers202WithLocation()
    {
        var response = await _client.PostAsync("/v1/sign/blob", TestApi.Form(("file", Payload)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/v1/jobs/{body!["id"]}", response.Headers.Location!.OriginalString);
        Assert.Contains(body["status"]!.GetValue<string>(), new[] { "queued", "running", "succeeded" });

        // The job finishes on its own; polling the Location shows the result.
        JsonObject job;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(100);
            job = await TestApi.GetJsonAsync(_client, response.Headers.Location.OriginalString);
        }
        while (job["status"]!.GetValue<string>() is "queued" or "running" && DateTime.UtcNow < deadline);
        Assert.Equal("succeeded", job["status"]!.GetValue<string>());
        Assert.NotNull(job["finishedAt"]);
    }
}
