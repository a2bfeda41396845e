using SigningService.Processes;

namespace SigningService.Tests.Infrastructure;

/// <summary>The stock cosign CLI as an independent verifier of what the service produced.</summary>
public static class StockCosign
{
    public static async Task<ProcessResult> RunAsync(IEnumerable<string> args, string workDir, IDictionary<string, string>? env = null)
    {
        var environment = new Dictionary<string, string> { ["HOME"] = workDir, ["PATH"] = "/usr/bin:/bin" };
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            environment[k] = v;
        }
        return await new ProcessRunner(TimeProvider.System).RunAsync(
            new ProcessSpec(TestTools.Cosign, [.. args]) { WorkingDirectory = workDir, Environment = environment, Timeout = TimeSpan.FromMinutes(2) },
            CancellationToken.None);
    }
}
