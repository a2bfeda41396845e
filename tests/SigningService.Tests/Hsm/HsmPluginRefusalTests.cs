using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SigningService.KmsRelay;
using SigningService.Tests.KmsRelay;

namespace SigningService.Tests.Hsm;

/// <summary>The real plugin against the running service's relay: refused requests reach neither the HSM nor the audit hook.</summary>
[Collection(HsmCollection.Name)]
public sealed class HsmPluginRefusalTests(HsmCollectionFixture hsm)
{
    private static readonly byte[] Digest = SHA256.HashData("data"u8);

    private KmsRelayEnvironmentFactory Environments => hsm.Service.Services.GetRequiredService<KmsRelayEnvironmentFactory>();

    [Fact]
    public async Task SignMessage_NoToken_RefusedNothingSigned()
    {
        using var env = Environments.For("job-refusal-1", TestHsmKeys.P256.Name);
        var variables = env.Variables.Where(v => v.Key != KmsRelayEnvironmentFactory.TokenVariable).ToDictionary();

        await AssertRefusedAsync(variables, TestHsmKeys.P256.Name);
    }

    [Fact]
    public async Task SignMessage_ExpiredToken_RefusedNothingSigned()
    {
        using var env = Environments.For("job-refusal-2", TestHsmKeys.P256.Name);
        var tokens = hsm.Service.Services.GetRequiredService<CapabilityTokenStore>();
        var token = tokens.Issue("job-refusal-2", TestHsmKeys.P256.Name, TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        var variables = new Dictionary<string, string>(env.Variables) { [KmsRelayEnvironmentFactory.TokenVariable] = token };

        await AssertRefusedAsync(variables, TestHsmKeys.P256.Name);
    }

    [Fact]
    public async Task SignMessage_TokenForOtherKey_RefusedNothingSigned()
    {
        using var env = Environments.For("job-refusal-3", TestHsmKeys.P256.Name);

        await AssertRefusedAsync(env.Variables, TestHsmKeys.Rsa2048.Name);
    }

    [Fact]
    public async Task SignMessage_AfterJobLeaseEnded_RefusedNothingSigned()
    {
        var env = Environments.For("job-refusal-4", TestHsmKeys.P256.Name);
        env.Dispose();

        await AssertRefusedAsync(env.Variables, TestHsmKeys.P256.Name);
    }

    [Fact]
    public async Task SignMessage_LiveToken_SignsWithTokenKeyAndRecordsJob()
    {
        using var env = Environments.For("job-live", TestHsmKeys.P256.Name);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(TestHsmKeys.P256.Name, Digest));

        Assert.Null(PluginProcess.ErrorMessage(response));
        Assert.Contains(hsm.Service.Signatures.Records, r => r.JobId == "job-live" && r.DigestHex == Convert.ToHexStringLower(Digest));
    }

    private async Task AssertRefusedAsync(IReadOnlyDictionary<string, string> variables, string keyName)
    {
        var before = hsm.Service.Signatures.Records.Count;
        var opened = hsm.Service.Pools.Find("main")!.TotalOpened;

        var response = await PluginProcess.RunAsync(variables, PluginProcess.SignArguments(keyName, Digest));

        Assert.NotNull(PluginProcess.ErrorMessage(response));
        Assert.False(response.TryGetProperty("signMessage", out _));
        Assert.Equal(before, hsm.Service.Signatures.Records.Count);
        Assert.Equal(opened, hsm.Service.Pools.Find("main")!.TotalOpened);
    }
}
