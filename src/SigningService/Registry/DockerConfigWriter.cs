using System.Text.Json;
using Microsoft.Extensions.Options;

namespace SigningService.Registry;

/// <summary>
/// Makes a private DOCKER_CONFIG folder for one cosign run holding only the auth for the one registry
/// host it needs. Written even without credentials, so cosign never falls back to the service user's
/// ~/.docker/config.json or a credential helper.
/// </summary>
public sealed class DockerConfigWriter(IOptionsMonitor<RegistryOptions> options)
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode ConfigFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public async Task<DockerConfigLease> WriteAsync(string registryHost, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            // File modes are the protection here; the service runs on Linux only.
            throw new PlatformNotSupportedException("private DOCKER_CONFIG folders need Unix file modes");
        }
        var current = options.CurrentValue;
        var credentials = await RegistryCredentials.ReadAsync(current.Find(registryHost), ct);
        var parent = current.WorkDirectory ?? Path.GetTempPath();
        var folder = Path.Combine(parent, "docker-config-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder, FolderMode);
        var lease = new DockerConfigLease(folder);
        try
        {
            var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = ConfigFileMode };
            await using var stream = new FileStream(Path.Combine(folder, "config.json"), file);
            await using var json = new Utf8JsonWriter(stream);
            WriteConfig(json, registryHost, credentials);
            await json.FlushAsync(ct);
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    private static void WriteConfig(Utf8JsonWriter json, string registryHost, RegistryCredentials credentials)
    {
        json.WriteStartObject();
        json.WriteStartObject("auths");
        if (credentials.HasBasic || credentials.HasToken)
        {
            json.WriteStartObject(registryHost);
            if (credentials.HasBasic)
            {
                json.WriteString("auth", credentials.BasicValue());
            }
            else
            {
                // go-containerregistry: registrytoken is sent as the Bearer token; identitytoken is an OAuth2 refresh token.
                json.WriteString(credentials.TokenKind == RegistryTokenKind.Identity ? "identitytoken" : "registrytoken", credentials.Token);
            }
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
