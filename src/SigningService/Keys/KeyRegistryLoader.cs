using Microsoft.Extensions.Options;
using SigningService.Cosign;
using SigningService.Storage;

namespace SigningService.Keys;

/// <summary>Loads configured keys at start and, when enabled, makes the development key on first run.</summary>
public sealed partial class KeyRegistryLoader(
    KeyRegistry registry, CosignCli cosign, IOptions<KeysOptions> options, ILogger<KeyRegistryLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var keys = options.Value;
        foreach (var (name, file) in keys.Files)
        {
            registry.Add(new FileSigningKey(name, file, await File.ReadAllTextAsync(FileSigningKey.PublicKeyPath(file), cancellationToken)));
        }
        if (keys.DevelopmentKey.Enabled)
        {
            var file = await EnsureDevelopmentKeyAsync(keys.DevelopmentKey, cancellationToken);
            registry.Add(new FileSigningKey(keys.DevelopmentKey.Name, file,
                await File.ReadAllTextAsync(FileSigningKey.PublicKeyPath(file), cancellationToken)));
        }
        registry.DefaultKey = keys.Default ?? (registry.All.Count() == 1 ? registry.All.First().Name : null);
        registry.Loaded = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<FileKeyOptions> EnsureDevelopmentKeyAsync(DevelopmentKeyOptions dev, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(dev.Directory);
        var file = new FileKeyOptions
        {
            PrivateKey = Path.Combine(folder, "cosign.key"),
            PublicKey = Path.Combine(folder, "cosign.pub"),
            PasswordFile = Path.Combine(folder, "password"),
        };
        if (File.Exists(file.PrivateKey) && File.Exists(file.PublicKey) && File.Exists(file.PasswordFile))
        {
            return file;
        }

        PrivateFiles.CreateFolder(folder);
        foreach (var stale in new[] { file.PrivateKey, file.PublicKey!, file.PasswordFile })
        {
            File.Delete(stale);
        }
        var password = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        await PrivateFiles.WriteAllTextAsync(file.PasswordFile, password, cancellationToken);
        var home = PrivateFiles.CreateFolder(Path.Combine(folder, ".home")).FullName;
        try
        {
            var run = await cosign.RunAsync(new CosignRun("generate-key-pair", [], home)
            {
                WorkingDirectory = folder,
                Secrets = new Dictionary<string, string> { ["COSIGN_PASSWORD"] = password },
            }, cancellationToken);
            if (!run.Succeeded)
            {
                throw new InvalidOperationException($"cosign could not generate the development key: {run.ErrorMessage}");
            }
        }
        finally
        {
            PrivateFiles.DeleteFolder(home);
        }
        LogGenerated(logger, dev.Name, folder);
        return file;
    }

    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "Generated development key '{Name}' in {Folder}: for local use only, never in production")]
    private static partial void LogGenerated(ILogger logger, string name, string folder);
}
