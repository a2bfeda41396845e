using System.Security.Cryptography;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Hsm;

[Collection(HsmCollection.Name)]
public sealed class HsmConcurrencyTests(HsmCollectionFixture hsm)
{
    private const int Jobs = 50;

    [Fact]
    public async Task SignBlob_50ConcurrentJobs_AllSignaturesValidAndPoolIdle()
    {
        var client = hsm.Service.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(5);
        var payloads = Enumerable.Range(0, Jobs).Select(_ => RandomNumberGenerator.GetBytes(256)).ToArray();
        var before = hsm.Service.Signatures.Records.Count;

        var jobs = await Task.WhenAll(payloads.Select(p => HsmApi.SignAsync(client, p, TestHsmKeys.P256.Name)));

        var pem = await HsmApi.PublicKeyPemAsync(client, TestHsmKeys.P256.Name);
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        for (var i = 0; i < Jobs; i++)
        {
            var signature = Convert.FromBase64String(jobs[i]["result"]!["signature"]!.GetValue<string>());
            Assert.True(key.VerifyData(payloads[i], signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence), $"job {i}");
        }
        Assert.Equal(Jobs, hsm.Service.Signatures.Records.Count - before);
        var pool = hsm.Service.Pools.Find("main")!;
        Assert.Equal(0, pool.InUse);
        Assert.True(pool.Idle <= pool.MaxSessions);

        // Stock cosign checks a sample independently.
        var work = Directory.CreateTempSubdirectory("ss-hsm-sample-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(work, "key.pem"), pem);
            foreach (var i in new[] { 0, Jobs / 2, Jobs - 1 })
            {
                await File.WriteAllBytesAsync(Path.Combine(work, "artifact"), payloads[i]);
                await File.WriteAllTextAsync(Path.Combine(work, "bundle.json"), jobs[i]["result"]!["bundle"]!.ToJsonString());
                var verify = await StockCosign.RunAsync(
                    ["verify-blob", "--key", "key.pem", "--bundle", "bundle.json", "--insecure-ignore-tlog", "--", "artifact"], work);
                Assert.True(verify.ExitCode == 0, $"job {i}: {verify.StandardError}");
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
