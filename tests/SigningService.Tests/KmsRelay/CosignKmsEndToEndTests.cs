using System.Security.Cryptography;

namespace SigningService.Tests.KmsRelay;

// The proof: stock cosign signs through `--key hsm://test-key` (our plugin + relay) and stock
// cosign verifies the bundle with the exported public key.
public sealed class CosignKmsEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string Key = "test-key";
    private readonly SoftwareKmsKeySigner _signer = new(Key);
    private readonly RecordingListener _listener = new();
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("kmsrelay-cosign-");
    private RelayTestHost _relay = null!;

    public async Task InitializeAsync() => _relay = await RelayTestHost.StartAsync(_signer, _listener);

    public async Task DisposeAsync() => await _relay.DisposeAsync();

    public void Dispose()
    {
        _signer.Dispose();
        _work.Delete(recursive: true);
    }

    [Fact]
    public async Task SignBlob_HsmKeyReference_BundleVerifiesWithStockCosign()
    {
        var file = Write("artifact.bin", RandomNumberGenerator.GetBytes(4096));
        var signingConfig = await CreateSigningConfigAsync();
        File.WriteAllText(Path.Combine(_work.FullName, "pub.pem"), _signer.PublicKeyPem(Key));

        CosignResult sign;
        using (var env = _relay.Environments.For("job-e2e", Key, systemPath: "/usr/bin:/bin"))
        {
            sign = await CosignRun.RunAsync(WithHome(env.Variables), _work.FullName,
                "sign-blob", "--key", env.KeyReference, "--bundle", "out.json", "--signing-config", signingConfig, "--yes", "--", file);
        }
        Assert.True(sign.ExitCode == 0, $"sign-blob failed ({sign.ExitCode}): {sign.StdErr}");

        var verify = await CosignRun.RunAsync(WithHome(new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }), _work.FullName,
            "verify-blob", "--key", "pub.pem", "--bundle", "out.json", "--insecure-ignore-tlog", "--", file);
        Assert.True(verify.ExitCode == 0, $"verify-blob failed ({verify.ExitCode}): {verify.StdErr}");

        var record = Assert.Single(_listener.Records);
        Assert.Equal(("job-e2e", Key), (record.JobId, record.KeyName));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), record.DigestHex);
        Assert.Equal(1, _signer.SignCalls);
    }

    [Fact]
    public async Task SignBlob_TokenRevokedBeforeRun_FailsAndNothingSigned()
    {
        var file = Write("artifact.txt", "hello\n"u8.ToArray());
        var signingConfig = await CreateSigningConfigAsync();
        var env = _relay.Environments.For("job-revoked", Key, systemPath: "/usr/bin:/bin");
        env.Dispose();

        var sign = await CosignRun.RunAsync(WithHome(env.Variables), _work.FullName,
            "sign-blob", "--key", env.KeyReference, "--bundle", "out.json", "--signing-config", signingConfig, "--yes", "--", file);

        Assert.NotEqual(0, sign.ExitCode);
        Assert.Contains("capability token not valid", sign.StdErr, StringComparison.Ordinal);
        Assert.Equal(0, _signer.SignCalls);
        Assert.Empty(_listener.Records);
    }

    private async Task<string> CreateSigningConfigAsync()
    {
        var path = Path.Combine(_work.FullName, "sc.json");
        var result = await CosignRun.RunAsync(WithHome(new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin" }), _work.FullName,
            "signing-config", "create", "--no-default-rekor", "--no-default-fulcio", "--no-default-oidc", "--no-default-tsa", "--out", path);
        Assert.True(result.ExitCode == 0, "signing-config create failed: " + result.StdErr);
        return path;
    }

    // cosign keeps its TUF cache under $HOME/.sigstore; give it a throwaway home.
    private Dictionary<string, string> WithHome(IReadOnlyDictionary<string, string> variables) =>
        new(variables) { ["HOME"] = _work.FullName };

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_work.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
