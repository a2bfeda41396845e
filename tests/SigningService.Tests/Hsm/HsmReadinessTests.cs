using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Hsm;

/// <summary>Readiness per token, recovery after the token's sessions die, and a wrong PIN that must not leak.</summary>
[Collection(HsmCollection.Name)]
public sealed class HsmReadinessTests(HsmCollectionFixture hsm)
{
    [Fact]
    public async Task HealthReady_TokenLoggedIn_ReportsReadyAndPoolCounters()
    {
        var client = hsm.Service.CreateClient();
        var response = await client.GetAsync("/health/ready");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var main = body["checks"]!["hsm"]!["data"]!["main"]!;
        Assert.Equal("Ready", main["state"]!.GetValue<string>());
        Assert.Contains(SoftHsmTokens.MainToken, main["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(4, main["maxSessions"]!.GetValue<int>());
        Assert.NotNull(main["inUse"]);
        Assert.NotNull(main["recoveries"]);
    }

    [Fact]
    public async Task SignBlob_AfterDeviceReset_NextJobSucceedsAfterRecovery()
    {
        var client = hsm.Service.CreateClient();
        await HsmApi.SignAsync(client, RandomNumberGenerator.GetBytes(64), TestHsmKeys.P256.Name);
        var pool = hsm.Service.Pools.Find("main")!;
        var recoveries = pool.Recoveries;

        pool.SimulateDeviceResetForTests(); // C_Finalize + C_Initialize: every session handle of the process dies

        var payload = RandomNumberGenerator.GetBytes(64);
        var result = (await HsmApi.SignAsync(client, payload, TestHsmKeys.P256.Name))["result"]!;
        using var key = ECDsa.Create();
        key.ImportFromPem(await HsmApi.PublicKeyPemAsync(client, TestHsmKeys.P256.Name));
        Assert.True(key.VerifyData(payload, Convert.FromBase64String(result["signature"]!.GetValue<string>()),
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.True(pool.Recoveries > recoveries);
        Assert.True(pool.State.IsReady);
    }

    [Fact]
    public async Task Start_WrongPin_ServiceRunsReadinessNamesTokenPinNowhere()
    {
        var settings = hsm.Tokens.ServiceSettings();
        settings["Hsm:Tokens:locked:ModulePath"] = SoftHsmTokens.ModulePath;
        settings["Hsm:Tokens:locked:TokenLabel"] = SoftHsmTokens.WrongPinToken;
        settings["Hsm:Tokens:locked:PinFile"] = hsm.Tokens.WrongPinFile;
        settings["Keys:Hsm:locked-key:Token"] = "locked";
        settings["Keys:Hsm:locked-key:Uri"] = $"pkcs11:token={SoftHsmTokens.WrongPinToken};object=wp";
        using var factory = new HsmServiceFactory(settings);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");
        var text = await response.Content.ReadAsStringAsync();
        var keys = await client.GetStringAsync("/v1/keys");
        var sign = await TestApi.PostWaitAsync(client, "/v1/sign/blob", TestApi.Form(("file", new byte[] { 1 }), ("key", "locked-key")));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var locked = JsonNode.Parse(text)!["checks"]!["hsm"]!["data"]!["locked"]!;
        Assert.Equal("LoginFailed", locked["state"]!.GetValue<string>());
        Assert.Contains($"token '{SoftHsmTokens.WrongPinToken}'", locked["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("CKR_PIN_INCORRECT", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, sign.Response.StatusCode); // the key is not loaded: nothing to sign with
        // The other token still works in the same service.
        await HsmApi.SignAsync(client, [1, 2, 3], TestHsmKeys.P256.Name);
        foreach (var where in new[] { text, keys, sign.Body.ToJsonString(), factory.Logs.AllText })
        {
            Assert.DoesNotContain(hsm.Tokens.WrongPin, where, StringComparison.Ordinal);
            Assert.DoesNotContain(hsm.Tokens.UserPin, where, StringComparison.Ordinal);
        }
        Assert.Contains(factory.Logs.Lines, l => l.Contains("svc-wrongpin", StringComparison.Ordinal) && l.Contains("CKR_PIN_INCORRECT", StringComparison.Ordinal));
    }
}
