using System.Text;
using System.Text.Json;
using SigningService.Registry;

namespace SigningService.Tests.Registry;

[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DockerConfigWriterTests : IDisposable
{
    private readonly SecretFiles _secrets = new();

    [Fact]
    public async Task WriteAsync_BasicCredentials_OnlyThatHostWithPrivateModes()
    {
        var options = Options(
            new RegistryHostOptions { Host = "r.example.com:5000", Username = "alice", PasswordFile = _secrets.Write("pw", "s3cret:x\n") },
            new RegistryHostOptions { Host = "other.example.com", Username = "bob", PasswordFile = _secrets.Write("pw2", "nope") });

        await using var lease = await new DockerConfigWriter(options).WriteAsync("r.example.com:5000", default);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(lease.Directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(lease.ConfigPath));
        Assert.StartsWith(_secrets.Directory, lease.Directory, StringComparison.Ordinal);
        Assert.Equal(["config.json"], Directory.GetFiles(lease.Directory).Select(Path.GetFileName));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(lease.ConfigPath));
        var auths = json.RootElement.GetProperty("auths");
        Assert.Equal(["r.example.com:5000"], auths.EnumerateObject().Select(p => p.Name));
        var auth = auths.GetProperty("r.example.com:5000").GetProperty("auth").GetString()!;
        Assert.Equal("alice:s3cret:x", Encoding.UTF8.GetString(Convert.FromBase64String(auth)));
        Assert.Single(json.RootElement.EnumerateObject());
    }

    [Theory]
    [InlineData(RegistryTokenKind.Registry, "registrytoken")]
    [InlineData(RegistryTokenKind.Identity, "identitytoken")]
    public async Task WriteAsync_TokenFile_WritesTokenField(RegistryTokenKind kind, string field)
    {
        var options = Options(new RegistryHostOptions { Host = "ghcr.io", TokenFile = _secrets.Write("token", "tok-123\r\n"), TokenKind = kind });

        await using var lease = await new DockerConfigWriter(options).WriteAsync("GHCR.io", default);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(lease.ConfigPath));
        var entry = json.RootElement.GetProperty("auths").GetProperty("GHCR.io");
        Assert.Equal("tok-123", entry.GetProperty(field).GetString());
        Assert.Single(entry.EnumerateObject());
    }

    [Fact]
    public async Task WriteAsync_UnknownHost_WritesEmptyAuths()
    {
        var options = Options(new RegistryHostOptions { Host = "r.example.com", Username = "alice", PasswordFile = _secrets.Write("pw", "x") });

        await using var lease = await new DockerConfigWriter(options).WriteAsync("elsewhere.example.com", default);

        Assert.Equal("""{"auths":{}}""", await File.ReadAllTextAsync(lease.ConfigPath));
    }

    [Fact]
    public async Task Dispose_Lease_DeletesFolder()
    {
        var options = Options(new RegistryHostOptions { Host = "r.example.com", Username = "alice", PasswordFile = _secrets.Write("pw", "x") });
        var lease = await new DockerConfigWriter(options).WriteAsync("r.example.com", default);
        Assert.True(File.Exists(lease.ConfigPath));

        await lease.DisposeAsync();
        lease.Dispose();

        Assert.False(Directory.Exists(lease.Directory));
    }

    [Fact]
    public async Task WriteAsync_MissingPasswordFile_ThrowsWithoutLeavingFolder()
    {
        var options = Options(new RegistryHostOptions { Host = "r.example.com", Username = "alice", PasswordFile = Path.Combine(_secrets.Directory, "missing") });

        var error = await Assert.ThrowsAsync<RegistryConfigurationException>(() => new DockerConfigWriter(options).WriteAsync("r.example.com", default));

        Assert.Contains("PasswordFile", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(_secrets.Directory));
    }

    public void Dispose() => _secrets.Dispose();

    private TestOptionsMonitor<RegistryOptions> Options(params RegistryHostOptions[] hosts) =>
        new(new RegistryOptions { Hosts = [.. hosts], WorkDirectory = _secrets.Directory });
}
