using System.Diagnostics;

namespace SigningService.Cryptoki.Tests.Infrastructure;

// Locates and runs the real cosign: $SIGNINGSERVICE_COSIGN, else <repo>/.tools/cosign-path, else PATH.
internal static class Cosign
{
    public static string Path { get; } = Find();

    public static (int ExitCode, string Output) Run(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment.Clear(); // minimal environment: nothing of ours leaks into the child
        psi.Environment["PATH"] = "/usr/bin:/bin";
        psi.Environment["HOME"] = workDir;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("cosign did not finish in 2 minutes");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("SIGNINGSERVICE_COSIGN");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var recorded = System.IO.Path.Combine(dir.FullName, ".tools", "cosign-path");
            if (File.Exists(recorded))
            {
                return File.ReadAllText(recorded).Trim();
            }
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SigningService.sln")))
            {
                break;
            }
        }
        return "cosign";
    }
}
