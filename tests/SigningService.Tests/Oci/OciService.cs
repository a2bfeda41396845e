using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;
using SigningService.Tests.Registry;

namespace SigningService.Tests.Oci;

/// <summary>
/// One service per test class, configured for the collection's three registries (plain, htpasswd,
/// TLS with the test CA), made on first use because class fixtures cannot see collection fixtures.
/// </summary>
public class OciService : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SecretFiles _secrets = new();
    private ServiceFactory? _factory;

    protected virtual string? PasswordOverride => null;

    public ServiceFactory Factory(RegistryFixture registries)
    {
        lock (_gate)
        {
            return _factory ??= new ServiceFactory(Settings(registries));
        }
    }

    private Dictionary<string, string?> Settings(RegistryFixture registries)
    {
        var password = _secrets.Write("registry-password", PasswordOverride ?? registries.Authenticated.Password!);
        return new Dictionary<string, string?>
        {
            ["Jobs:Workers"] = "8",
            ["Jobs:QueueCapacity"] = "64",
            ["Registries:WorkDirectory"] = _secrets.Directory,
            ["Registries:Hosts:0:Host"] = registries.Plain.Host,
            ["Registries:Hosts:0:Insecure"] = "true",
            ["Registries:Hosts:1:Host"] = registries.Authenticated.Host,
            ["Registries:Hosts:1:Username"] = registries.Authenticated.Username,
            ["Registries:Hosts:1:PasswordFile"] = password,
            ["Registries:Hosts:1:Insecure"] = "true",
            ["Registries:Hosts:2:Host"] = registries.Tls.Host,
            ["Registries:Hosts:2:CaBundleFile"] = registries.Tls.CaPemPath,
        };
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _secrets.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same service, but with a wrong password for the htpasswd registry.</summary>
public sealed class WrongPasswordOciService : OciService
{
    protected override string? PasswordOverride => "not-the-password";
}

public static class OciApi
{
    public static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, object body)
    {
        var (response, json) = await TestApi.PostWaitAsync(client, path, JsonContent.Create(body), 120);
        return (response.StatusCode, json);
    }

    /// <summary>Posts, asserts the job succeeded, and returns its result.</summary>
    public static async Task<JsonObject> RunAsync(HttpClient client, string path, object body)
    {
        var (status, json) = await PostAsync(client, path, body);
        Assert.True(status == HttpStatusCode.OK && json["status"]?.GetValue<string>() == "succeeded", $"{path}: {(int)status} {json}");
        return json["result"]!.AsObject();
    }

    public static async Task<JsonObject> RunFormAsync(HttpClient client, string path, HttpContent form)
    {
        var (response, json) = await TestApi.PostWaitAsync(client, path, form, 120);
        Assert.True(response.StatusCode == HttpStatusCode.OK && json["status"]?.GetValue<string>() == "succeeded", $"{path}: {(int)response.StatusCode} {json}");
        return json["result"]!.AsObject();
    }

    /// <summary>The release key's public PEM written to a file, for stock cosign.</summary>
    public static async Task<string> PublicKeyFileAsync(HttpClient client, string folder, string key = TestKeys.Release)
    {
        var path = Path.Combine(folder, key + ".pub");
        await File.WriteAllTextAsync(path, await client.GetStringAsync($"/v1/keys/{key}/public.pem"));
        return path;
    }

    public static async Task<PushedImage> PushAsync(RegistryServer server, string prefix = "oci")
    {
        using var pusher = new OciImagePusher(server);
        return await pusher.PushRandomImageAsync(RegistryFixture.UniqueRepository(prefix));
    }
}
