using SigningService.KmsRelay;

namespace SigningService.Tests.KmsRelay;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class KmsRelayEnvironmentTests : IAsyncLifetime, IDisposable
{
    private readonly SoftwareKmsKeySigner _signer = new("test-key");
    private RelayTestHost _relay = null!;

    public async Task InitializeAsync() => _relay = await RelayTestHost.StartAsync(_signer);

    public async Task DisposeAsync() => await _relay.DisposeAsync();

    public void Dispose() => _signer.Dispose();

    [Fact]
    public void For_ValidKey_GivesKeyReferencePathSocketTokenAndDotnetRoot()
    {
        using var env = _relay.Environments.For("job-1", "test-key");

        Assert.Equal("hsm://test-key", env.KeyReference);
        Assert.Equal(_relay.Endpoint.SocketPath, env.Variables["SIGNINGSERVICE_KMS_SOCKET"]);
        Assert.True(_relay.Tokens.TryValidate(env.Variables["SIGNINGSERVICE_KMS_TOKEN"], "test-key", out var jobId));
        Assert.Equal("job-1", jobId);
        Assert.StartsWith(PluginProcess.Directory + ":", env.Variables["PATH"], StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(env.Variables["DOTNET_ROOT"], "shared", "Microsoft.NETCore.App", Environment.Version.ToString(), "System.Private.CoreLib.dll")));
        Assert.DoesNotContain(env.Variables["SIGNINGSERVICE_KMS_TOKEN"], env.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData("a b")]
    [InlineData("-flag")]
    public void For_InvalidKeyName_Throws(string keyName) =>
        Assert.Throws<ArgumentException>(() => _relay.Environments.For("job-1", keyName));

    [Fact]
    public void Endpoint_Started_FolderIs0700AndSocketIs0600()
    {
        var socket = _relay.Endpoint.SocketPath!;
        var folder = Path.GetDirectoryName(socket)!;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
    }

    [Fact]
    public void PluginDirectory_Build_ContainsExecutableApphost()
    {
        Assert.True(File.Exists(PluginProcess.Executable));
        Assert.True(File.GetUnixFileMode(PluginProcess.Executable).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(PluginProcess.Directory, _relay.Environments.PluginDirectory);
    }
}
