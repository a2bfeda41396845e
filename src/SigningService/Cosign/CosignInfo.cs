namespace SigningService.Cosign;

/// <summary>What the startup probe found; readiness reports it.</summary>
public sealed class CosignInfo
{
    public string? ResolvedPath { get; set; }
    public string? Version { get; set; }

    /// <summary>A signing config naming no transparency log, made by cosign itself at start (tlog=false signing).</summary>
    public string? OfflineSigningConfigPath { get; set; }

    public bool Ready => ResolvedPath is not null && OfflineSigningConfigPath is not null;

    public static string? ResolveOnPath(string nameOrPath)
    {
        if (nameOrPath.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(nameOrPath) ? Path.GetFullPath(nameOrPath) : null;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, nameOrPath))
            .FirstOrDefault(File.Exists);
    }
}
