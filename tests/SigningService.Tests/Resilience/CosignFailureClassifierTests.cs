using System.Net;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Resilience;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Resilience;

/// <summary>The classification table, checked against messages the real cosign prints here.</summary>
[Collection(RegistryCollection.Name)]
public sealed class CosignFailureClassifierTests(RegistryFixture registries)
{
    private const string Digest = "sha256:0000000000000000000000000000000000000000000000000000000000000001";

    private static async Task<CosignResult> RealCosignVerifyAsync(string reference)
    {
        var keys = await TestKeys.FolderAsync();
        var work = Directory.CreateTempSubdirectory("ss-classify-").FullName;
        try
        {
            var run = await StockCosign.RunAsync(
                ["verify", "--key", TestKeys.PublicKey(keys, TestKeys.Release), "--insecure-ignore-tlog", "--", reference], work,
                new Dictionary<string, string> { ["DOCKER_CONFIG"] = work });
            return new CosignResult(run.ExitCode, run.StandardOutput, run.StandardError, run.TimedOut, run.Duration);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task Classify_ConnectionRefused_TransientRegistryUnavailable()
    {
        var run = await RealCosignVerifyAsync($"127.0.0.1:{FreePort.Next()}/app@{Digest}");

        var failure = CosignFailureClassifier.Classify(run);

        Assert.Equal(new CosignFailureClassifier.Classification(FailureClass.Transient, Problems.RegistryUnavailable), failure);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task Classify_RegistryAnswersError_Transient(HttpStatusCode status)
    {
        await using var proxy = await FaultProxy.StartAsync(registries.Plain.BaseUri);
        proxy.FailNext(1000, status);

        var run = await RealCosignVerifyAsync($"{proxy.Host}/app@{Digest}");

        Assert.Equal(FailureClass.Transient, CosignFailureClassifier.Classify(run)!.Class);
        Assert.Equal(Problems.RegistryUnavailable, CosignFailureClassifier.Classify(run)!.Kind);
    }

    [Fact]
    public async Task Classify_NoCredentials_PermanentRegistryAuth()
    {
        var run = await RealCosignVerifyAsync($"{registries.Authenticated.Host}/app@{Digest}");

        Assert.Equal(new CosignFailureClassifier.Classification(FailureClass.Permanent, Problems.RegistryAuth),
            CosignFailureClassifier.Classify(run));
    }

    [Fact]
    public async Task Classify_UnknownImage_NotRetried()
    {
        var run = await RealCosignVerifyAsync($"{registries.Plain.Host}/{RegistryFixture.UniqueRepository()}@{Digest}");

        Assert.NotEqual(FailureClass.Transient, CosignFailureClassifier.Classify(run)!.Class);
    }

    [Theory]
    [InlineData(12, "", FailureClass.Verdict)]
    [InlineData(10, "", FailureClass.Verdict)]
    [InlineData(1, "Error: GET https://r/v2/: UNAUTHORIZED: authentication required; 503 Service Unavailable", FailureClass.Permanent)]
    [InlineData(1, "Error: Get \"https://r/v2/\": net/http: TLS handshake timeout", FailureClass.Transient)]
    // Captured from the service's own run against an insecure (plain HTTP) registry answering 429 to the ping.
    [InlineData(1, "Error: signing [r/app@sha256:00]: accessing image: Get \"https://r/v2/\": http: server gave HTTP response to HTTPS client; GET http://r/v2/: unexpected status code 429 Too Many Requests", FailureClass.Transient)]
    [InlineData(1, "Error: Get \"https://r/v2/\": http: server gave HTTP response to HTTPS client", FailureClass.Permanent)]
    [InlineData(1, "Error: Get \"https://r/v2/\": http: server gave HTTP response to HTTPS client; GET http://r/v2/: UNAUTHORIZED: authentication required", FailureClass.Permanent)]
    [InlineData(1, "Error: invalid signature when validating ASN.1 encoded signature", FailureClass.Permanent)]
    public void Classify_Table(int exitCode, string stderr, FailureClass expected)
    {
        var failure = CosignFailureClassifier.Classify(new CosignResult(exitCode, "", stderr, false, TimeSpan.Zero));

        Assert.Equal(expected, failure!.Class);
    }

    [Fact]
    public void Classify_TimedOut_Transient() =>
        Assert.Equal(FailureClass.Transient, CosignFailureClassifier.Classify(new CosignResult(-1, "", "", true, TimeSpan.Zero))!.Class);

    [Fact]
    public void Classify_Success_Null() =>
        Assert.Null(CosignFailureClassifier.Classify(new CosignResult(0, "", "", false, TimeSpan.Zero)));
}
