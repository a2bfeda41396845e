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

    public string StorageRoot { get; }
    public string KeysFolder { get; }

    /// <summary>Job folders currently in storage (files of the service itself excluded).</summary>
    public string[] JobFolders() =>
        Directory.Exists(StorageRoot)
            ? [.. Directory.GetDirectories(StorageRoot).Select(Path.GetFileName).Where(n => n!.StartsWith('j')).Select(n => n!)]
            : [];

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
