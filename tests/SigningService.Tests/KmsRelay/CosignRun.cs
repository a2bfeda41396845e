using System.Diagnostics;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.KmsRelay;

internal sealed record CosignResult(int ExitCode, string StdOut, string StdErr);

// Runs the real cosign with exactly the given environment (no inheritance), argv only.
internal static class CosignRun
{
    public static async Task<CosignResult> RunAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(TestTools.Cosign)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CosignResult(process.ExitCode, await stdout, await stderr);
    }
}
