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
        Storage.PrivateFiles.CreateFolder(folder);
        var lease = new DockerConfigLease(folder);
        try
        {
            await using var stream = Storage.PrivateFiles.CreateFile(Path.Combine(folder, "config.json"));
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
