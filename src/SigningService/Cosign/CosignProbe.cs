using Microsoft.Extensions.Options;
using SigningService.Storage;

namespace SigningService.Cosign;

/// <summary>
/// Refuses to start the service without a usable cosign ≥ 3, with a message that says what to do.
/// Runs before anything else that needs cosign (hosted services start in registration order).
/// </summary>
public sealed partial class CosignProbe(
    CosignCli cli, CosignInfo info, IOptions<CosignOptions> options, IOptions<StorageOptions> storage, ILogger<CosignProbe> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var configured = options.Value.Path;
        var resolved = CosignInfo.ResolveOnPath(configured) ?? throw new InvalidOperationException(
            $"cosign was not found at '{configured}' (setting Cosign:Path). Install cosign {CosignVersion.MinimumMajor}.0 or newer " +
            "(scripts/ensure-tools.sh does) and set Cosign:Path to it.");
        info.ResolvedPath = resolved;

        PrivateFiles.CreateFolder(storage.Value.Root);
        var home = PrivateFiles.CreateFolder(Path.Combine(storage.Value.Root, "probe")).FullName;
        try
        {
            var versionRun = await cli.RunAsync(new CosignRun("version", [], home), cancellationToken);
            var version = CosignVersion.Parse(versionRun.StandardOutput + versionRun.StandardError);
            if (version is null)
            {
                var help = await cli.RunAsync(new CosignRun("sign-blob", ["--help"], home), cancellationToken);
                if (!CosignVersion.HelpLooksLikeV3(help.StandardOutput + help.StandardError))
                {
                    throw TooOld(resolved, "an unversioned build without cosign 3's flags");
                }
                info.Version = "3.x (unversioned build)";
            }
            else if (version.Major < CosignVersion.MinimumMajor)
            {
                throw TooOld(resolved, version.ToString());
            }
            else
            {
                info.Version = version.ToString();
            }

            info.OfflineSigningConfigPath = await CreateOfflineSigningConfigAsync(storage.Value.Root, home, cancellationToken);
            LogFound(logger, resolved, info.Version);
        }
        finally
        {
            PrivateFiles.DeleteFolder(home);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<string> CreateOfflineSigningConfigAsync(string root, string home, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, "signing-config-no-tlog.json");
        File.Delete(path);
        var run = await cli.RunAsync(new CosignRun("signing-config",
            ["create", "--no-default-rekor", "--no-default-fulcio", "--no-default-oidc", "--no-default-tsa", "--out", path], home),
            cancellationToken);
        if (!run.Succeeded || !File.Exists(path))
        {
            throw new InvalidOperationException($"cosign could not create a signing config: {run.ErrorMessage}");
        }
        return path;
    }

    private static InvalidOperationException TooOld(string path, string version) => new(
        $"cosign at '{path}' is {version}; SigningService needs cosign {CosignVersion.MinimumMajor}.0 or newer (setting Cosign:Path).");

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Using cosign {Version} at {Path}")]
    private static partial void LogFound(ILogger logger, string path, string version);
}
