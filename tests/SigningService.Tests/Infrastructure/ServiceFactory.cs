using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace SigningService.Tests.Infrastructure;

/// <summary>
/// The real service in-process, with the real cosign, two test keys and a private storage folder
/// the tests can inspect. Settings can be overridden per factory.
/// </summary>
public class ServiceFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public ServiceFactory(IDictionary<string, string?>? overrides = null)
    {
        StorageRoot = Directory.CreateTempSubdirectory("ss-storage-").FullName;
        KeysFolder = TestKeys.FolderAsync().GetAwaiter().GetResult();
        _settings = new Dictionary<string, string?>
        {
            ["Cosign:Path"] = TestTools.Cosign,
            ["Storage:Root"] = StorageRoot,
            ["Jobs:Workers"] = "2",
            ["Keys:Default"] = TestKeys.Release,
            // Authentication stays on in tests: clients from CreateClient() send an admin API key.
            ["Auth:ApiKeys:Keys:0:Name"] = AdminKeyName,
            ["Auth:ApiKeys:Keys:0:Sha256"] = SigningService.Auth.ApiKeys.ApiKeyHasher.Hash(AdminApiKey),
            ["Auth:Policies:0:Name"] = AdminKeyName,
            ["Auth:Policies:0:ApiKey"] = AdminKeyName,
            ["Auth:Policies:0:Operations:0"] = "admin",
            ["RateLimits:PermitsPerWindow"] = "100000",
        };
        foreach (var name in new[] { TestKeys.Release, TestKeys.Other })
        {
            _settings[$"Keys:Files:{name}:PrivateKey"] = TestKeys.PrivateKey(KeysFolder, name);
            _settings[$"Keys:Files:{name}:PasswordFile"] = TestKeys.PasswordFile(KeysFolder, name);
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public const string AdminKeyName = "test-admin";
    public const string AdminApiKey = "ss_test-admin-key-for-the-in-process-service-only";

    public string StorageRoot { get; }

    /// <summary>The audit log (default location: audit.jsonl in the storage root).</summary>
    public string AuditPath => _settings.TryGetValue("Audit:Path", out var path) && path is not null ? path : Path.Combine(StorageRoot, "audit.jsonl");
    public string KeysFolder { get; }

    /// <summary>Job folders currently in storage (files of the service itself excluded).</summary>
    public string[] JobFolders() =>
        Directory.Exists(StorageRoot)
            ? [.. Directory.GetDirectories(StorageRoot).Select(Path.GetFileName).Where(n => n!.StartsWith('j')).Select(n => n!)]
            : [];

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminApiKey);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try { Directory.Delete(StorageRoot, recursive: true); } catch (IOException) { }
        }
    }
}
