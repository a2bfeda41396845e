using System.Security.Cryptography;
using System.Text;

namespace SigningService.Tests.KmsRelay;

// The real plugin executable against the real relay, one test per cliplugin method.
public sealed class KmsPluginProtocolTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private readonly SoftwareKmsKeySigner _signer = new(Key, "other-key");
    private readonly RecordingListener _listener = new();
    private RelayTestHost _relay = null!;

    public async Task InitializeAsync() => _relay = await RelayTestHost.StartAsync(_signer, _listener);

    public async Task DisposeAsync() => await _relay.DisposeAsync();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public async Task DefaultAlgorithm_LiveToken_ReturnsKeyAlgorithm()
    {
        using var env = _relay.Environments.For("job-1", Key);
        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.Arguments("defaultAlgorithm", Key, "\"defaultAlgorithm\":{}"));

        Assert.Equal("ecdsa-sha2-256-nistp256", response.GetProperty("defaultAlgorithm").GetProperty("defaultAlgorithm").GetString());
    }

    [Fact]
    public async Task SupportedAlgorithms_LiveToken_ReturnsList()
    {
        using var env = _relay.Environments.For("job-1", Key);
        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.Arguments("supportedAlgorithms", Key));

        var list = response.GetProperty("supportedAlgorithms").GetProperty("supportedAlgorithms");
        Assert.Equal("ecdsa-sha2-256-nistp256", Assert.Single(list.EnumerateArray()).GetString());
    }

    [Fact]
    public async Task PublicKey_LiveToken_ReturnsBase64Pem()
    {
        using var env = _relay.Environments.For("job-1", Key);
        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.Arguments("publicKey", Key, "\"publicKey\":{\"publicKeyOptions\":{}}"));

        var pem = Encoding.UTF8.GetString(response.GetProperty("publicKey").GetProperty("publicKeyPEM").GetBytesFromBase64());
        Assert.Equal(_signer.PublicKeyPem(Key), pem);
    }

    [Fact]
    public async Task SignMessage_DigestLikeCosign_SignsDigestAndNotifiesListener()
    {
        var message = Encoding.UTF8.GetBytes("hello\n");
        var digest = SHA256.HashData(message);
        using var env = _relay.Environments.For("job-7", Key);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, digest), message);

        var signature = response.GetProperty("signMessage").GetProperty("signature").GetBytesFromBase64();
        Assert.True(_signer.Key(Key).VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var record = Assert.Single(_listener.Records);
        Assert.Equal(("job-7", Key, HashAlgorithmName.SHA256, Convert.ToHexStringLower(digest)), (record.JobId, record.KeyName, record.Hash, record.DigestHex));
    }

    [Fact]
    public async Task SignMessage_NoDigest_RelayHashesStdinMessage()
    {
        var message = RandomNumberGenerator.GetBytes(200_000);
        using var env = _relay.Environments.For("job-1", Key);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, digest: null), message);

        var signature = response.GetProperty("signMessage").GetProperty("signature").GetBytesFromBase64();
        Assert.True(_signer.Key(Key).VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task SignMessage_ConcurrentPlugins_AllSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);
        var messages = Enumerable.Range(0, 8).Select(i => Encoding.UTF8.GetBytes($"message {i}")).ToArray();

        var responses = await Task.WhenAll(messages.Select(m =>
            PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, SHA256.HashData(m)), m)));

        for (var i = 0; i < messages.Length; i++)
        {
            var signature = responses[i].GetProperty("signMessage").GetProperty("signature").GetBytesFromBase64();
            Assert.True(_signer.Key(Key).VerifyData(messages[i], signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        }
        Assert.Equal(8, _listener.Records.Count);
    }

    [Fact]
    public async Task SignMessage_Sha384HashFunc_SignsSha384Digest()
    {
        var message = Encoding.UTF8.GetBytes("payload");
        using var env = _relay.Environments.For("job-1", Key);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, SHA384.HashData(message), messageHashFunc: 6));

        var signature = response.GetProperty("signMessage").GetProperty("signature").GetBytesFromBase64();
        Assert.True(_signer.Key(Key).VerifyData(message, signature, HashAlgorithmName.SHA384, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public async Task SignMessage_DigestOfWrongLength_ErrorAndNotSigned()
    {
        using var env = _relay.Environments.For("job-1", Key);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.SignArguments(Key, new byte[20]));

        Assert.Contains("digest length", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
        Assert.Equal(0, _signer.SignCalls);
    }

    [Fact]
    public async Task VerifySignature_ValidAndTampered_AcceptsOnlyValid()
    {
        var message = Encoding.UTF8.GetBytes("hello\n");
        var signature = _signer.Key(Key).SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        using var env = _relay.Environments.For("job-1", Key);

        var valid = await PluginProcess.RunAsync(env.Variables, PluginProcess.VerifyArguments(Key, signature, digest: null), message);
        var tampered = await PluginProcess.RunAsync(env.Variables, PluginProcess.VerifyArguments(Key, signature, digest: null), Encoding.UTF8.GetBytes("hellO\n"));

        Assert.Equal(System.Text.Json.JsonValueKind.Object, valid.GetProperty("verifySignature").ValueKind);
        Assert.Null(PluginProcess.ErrorMessage(valid));
        Assert.Contains("verification failed", PluginProcess.ErrorMessage(tampered), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateKey_Always_ErrorMessage()
    {
        using var env = _relay.Environments.For("job-1", Key);

        var response = await PluginProcess.RunAsync(env.Variables, PluginProcess.Arguments("createKey", Key, "\"createKey\":{\"algorithm\":\"ecdsa-sha2-256-nistp256\"}"));

        Assert.Contains("createKey is not supported", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
        Assert.Equal(0, _signer.SignCalls);
    }

    [Fact]
    public async Task Run_MissingEnvironment_ErrorMessageNotCrash()
    {
        var env = new Dictionary<string, string>(_relay.Environments.For("job-1", Key).Variables);
        env.Remove("SIGNINGSERVICE_KMS_SOCKET");
        env.Remove("SIGNINGSERVICE_KMS_TOKEN");

        var response = await PluginProcess.RunAsync(env, PluginProcess.Arguments("publicKey", Key));

        Assert.Contains("SIGNINGSERVICE_KMS_SOCKET", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreachableSocket_ErrorMessageNotCrash()
    {
        var env = new Dictionary<string, string>(_relay.Environments.For("job-1", Key).Variables)
        {
            ["SIGNINGSERVICE_KMS_SOCKET"] = Path.Combine(Path.GetTempPath(), "no-such-relay-" + Guid.NewGuid().ToString("N") + ".sock"),
        };

        var response = await PluginProcess.RunAsync(env, PluginProcess.Arguments("publicKey", Key));

        Assert.Contains("cannot reach", PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2", "{}", "protocol version")]
    [InlineData("v1", "not json", "malformed")]
    [InlineData("v1", "{\"methodName\":\"fooBar\",\"initOptions\":{\"keyResourceID\":\"test-key\"}}", "unsupported method")]
    public async Task Run_BadInvocation_ErrorMessage(string version, string json, string expected)
    {
        using var env = _relay.Environments.For("job-1", Key);

        var response = await PluginProcess.RunAsync(env.Variables, json, protocolVersion: version);

        Assert.Contains(expected, PluginProcess.ErrorMessage(response), StringComparison.Ordinal);
    }
}
