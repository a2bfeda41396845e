using System.Security.Cryptography;

namespace SigningService.Tests.KmsRelay;

// Every refusal must produce an errorMessage and never reach the signer or the audit listener.
public sealed class KmsRelayRefusalTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private const string OtherKey = "other-key";
    private readonly SoftwareKmsKeySigner _signer = new(Key, OtherKey);
    private readonly RecordingListener _listener = new();
    private readonly ManualTimeProvider _clock = new();
    private readonly byte[] _digest = SHA256.HashData("data"u8);
    private RelayTestHost _relay = null!;

    public async Task InitializeAsync() => _relay = await RelayTestHost.StartAsync(_signer, _listener, _clock);

    public async Task DisposeAsync() => await _relay.DisposeAsync();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task SignMessage_UnknownToken_RefusedNothingSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);
        var variables = new Dictionary<string, string>(env.Variables)
        {
            ["SIGNINGSERVICE_KMS_TOKEN"] = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
        };

        await AssertRefusedAsync(variables, Key);
    }

    [Fact]
    public async Task SignMessage_ExpiredToken_RefusedNothingSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);
        _clock.Advance(TimeSpan.FromMinutes(15));

        await AssertRefusedAsync(env.Variables, Key);
    }

    [Fact]
    public async Task SignMessage_TokenForOtherKey_RefusedNothingSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);

        await AssertRefusedAsync(env.Variables, OtherKey);
    }

    [Fact]
    public async Task SignMessage_AfterLeaseDisposed_RefusedNothingSigned()
    {
        var env = _relay.Environments.For("job-1", Key);
        env.Dispose();

        await AssertRefusedAsync(env.Variables, Key);
    }

    [Fact]
    public async Task SignMessage_AfterRevokeJob_RefusedNothingSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);
        _relay.Tokens.Revoke("job-1");

        await AssertRefusedAsync(env.Variables, Key);
    }

    [Fact]
    public async Task PublicKey_NoLiveToken_Refused()
    {
        var env = _relay.Environments.For("job-1", Key);
        env.Dispose();

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.Arguments("publicKey", Key));

        Assert.Contains("capability token not valid", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignMessage_LiveTokenThenRevoked_SignsOnceOnly()
    {
        var env = _relay.Environments.For("job-1", Key);
        var ok = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, _digest));
        Assert.Null(PluginProcess.ErrorMessage(ok));
        env.Dispose();

        var refused = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, _digest));

        Assert.NotNull(PluginProcess.ErrorMessage(refused));
        Assert.Equal(1, _signer.SignCalls);
        Assert.Single(_listener.Records);
    }

    private async Task AssertRefusedAsync(IReadOnlyDictionary<string, string> variables, string keyName)
    {
        var response = await PluginProcess.RunAsync(variables, PluginProcess.SignArguments(keyName, _digest));

        Assert.Contains("capability token not valid for this key", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
        Assert.False(response.TryGetProperty("signMessage", out _));
        Assert.Equal(0, _signer.SignCalls);
        Assert.Empty(_listener.Records);
    }
}
