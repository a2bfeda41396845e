using System.Net;
using System.Collections.Concurrent;
using System.Diagnostics;
using SigningService.Cosign;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

/// <summary>Credentials and private CA trust come from configuration; cosign gets them per run.</summary>
[Collection(RegistryCollection.Name)]
public sealed class RegistryAccessTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Fact]
    public async Task SignAndVerify_HtpasswdRegistry_WorksWithConfiguredCredentials()
    {
        var image = await OciApi.PushAsync(registries.Authenticated);

        var signed = await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.TagReference });
        var verified = await OciApi.RunAsync(_client, "/v1/verify/image", new { image = image.TagReference, key = "release", ignoreTlog = true });

        Assert.Equal(image.Digest, signed["digest"]!.GetValue<string>());
        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
    }

    [Fact]
    public async Task SignAttestVerify_TlsRegistryWithTestCa_Works()
    {
        var image = await OciApi.PushAsync(registries.Tls);

        await OciApi.RunAsync(_client, "/v1/sign/image", new { image = image.TagReference });
        await OciApi.RunAsync(_client, "/v1/attest/image", new { image = image.DigestReference, predicateType = "openvex", predicate = new { statements = Array.Empty<object>() } });
        var verified = await OciApi.RunAsync(_client, "/v1/verify/image", new { image = image.TagReference, key = "release", ignoreTlog = true });
        var attestation = await OciApi.RunAsync(_client, "/v1/verify/attestation",
            new { image = image.DigestReference, predicateType = "openvex", key = "release", ignoreTlog = true });

        Assert.True(verified["verified"]!.GetValue<bool>(), verified.ToJsonString());
        Assert.True(attestation["verified"]!.GetValue<bool>(), attestation.ToJsonString());
    }
}

/// <summary>A wrong registry password is a clear, final failure: no retry storm.</summary>
[Collection(RegistryCollection.Name)]
public sealed class RegistryAuthFailureTests(RegistryFixture registries, WrongPasswordOciService service) : IClassFixture<WrongPasswordOciService>
{
    private readonly HttpClient _client = service.Factory(registries).CreateClient();

    [Fact]
    public async Task SignImage_WrongCredentialsDigestReference_RegistryAuthAfterOneCosignRun()
    {
        var image = await OciApi.PushAsync(registries.Authenticated);
        using var runs = new CosignRunCounter(image.Repository);

        var (status, job) = await OciApi.PostAsync(_client, "/v1/sign/image", new { image = image.DigestReference });

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal("/problems/registry-auth", job["error"]!["type"]!.GetValue<string>());
        Assert.DoesNotContain("not-the-password", job.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, runs.Count);
    }

    [Fact]
    public async Task SignAndVerify_WrongCredentialsTagReference_RegistryAuthWithoutCosign()
    {
        var image = await OciApi.PushAsync(registries.Authenticated);
        using var runs = new CosignRunCounter(image.Repository);

        var (_, sign) = await OciApi.PostAsync(_client, "/v1/sign/image", new { image = image.TagReference });
        var (_, verify) = await OciApi.PostAsync(_client, "/v1/verify/image", new { image = image.TagReference, key = "release", ignoreTlog = true });

        Assert.Equal("/problems/registry-auth", sign["error"]!["type"]!.GetValue<string>());
        Assert.Equal("/problems/registry-auth", verify["error"]!["type"]!.GetValue<string>());
        Assert.Equal(0, runs.Count);
    }

    /// <summary>Counts cosign runs whose arguments name one repository (the service traces every run).</summary>
    private sealed class CosignRunCounter : IDisposable
    {
        private readonly ActivityListener _listener;
        private readonly ConcurrentBag<string> _runs = [];

        public CosignRunCounter(string repository)
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = s => s.Name == CosignCli.Activity.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = a =>
                {
                    if (a.GetTagItem("cosign.args") is string args && args.Contains(repository, StringComparison.Ordinal))
                    {
                        _runs.Add(a.DisplayName);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        public int Count => _runs.Count;

        public void Dispose() => _listener.Dispose();
    }
}
