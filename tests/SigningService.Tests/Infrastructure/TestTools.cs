namespace SigningService.Tests.Infrastructure;

/// <summary>Locates the real tools the tests drive; scripts/ensure-tools.sh installs them.</summary>
public static class TestTools
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>cosign: $SIGNINGSERVICE_COSIGN, else the path recorded by ensure-tools.sh, else PATH.</summary>
    public static string Cosign { get; } = FindCosign();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SigningService.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("SigningService.sln not found above the test binaries");
    }

    private static string FindCosign()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SIGNINGSERVICE_COSIGN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }
        var recorded = Path.Combine(RepoRoot, ".tools", "cosign-path");
        if (File.Exists(recorded))
        {
            return File.ReadAllText(recorded).Trim();
        }
        return "cosign";
    }
}
