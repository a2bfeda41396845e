using System.Diagnostics;
using Microsoft.Extensions.Options;
using SigningService.Processes;

namespace SigningService.Cosign;

/// <summary>Runs cosign with a minimal environment and the configured limits.</summary>
public sealed partial class CosignCli(
    IProcessRunner runner, CosignInfo info, IOptions<CosignOptions> options, ILogger<CosignCli> logger)
{
    public static readonly ActivitySource Activity = new("SigningService.Cosign");

    private readonly CosignOptions _options = options.Value;

    private string Executable => info.ResolvedPath ?? _options.Path;

    public async Task<CosignResult> RunAsync(CosignRun run, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("cosign " + run.Command);
        // Arguments never hold secrets (those travel in the environment), so they may be recorded.
        activity?.SetTag("cosign.command", run.Command);
        activity?.SetTag("cosign.args", string.Join(' ', run.Arguments));

        var spec = new ProcessSpec(Executable, [run.Command, .. run.Arguments])
        {
            Environment = BuildEnvironment(run),
            WorkingDirectory = run.WorkingDirectory ?? run.Home,
            Timeout = _options.Timeout,
            MaxOutputChars = _options.MaxOutputChars,
            StandardInput = run.StandardInput,
        };
        LogStarting(logger, run.Command);
        var result = await runner.RunAsync(spec, cancellationToken);
        activity?.SetTag("process.exit_code", result.ExitCode);
        if (!result.TimedOut && result.ExitCode != 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }
        LogFinished(logger, run.Command, result.ExitCode, result.TimedOut, result.Duration.TotalMilliseconds);
        return new CosignResult(result.ExitCode, result.StandardOutput, result.StandardError, result.TimedOut, result.Duration);
    }

    private Dictionary<string, string> BuildEnvironment(CosignRun run)
    {
        var cosignFolder = info.ResolvedPath is null ? null : Path.GetDirectoryName(info.ResolvedPath);
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = string.Join(':', new[] { cosignFolder, "/usr/local/bin", "/usr/bin", "/bin" }.Where(p => !string.IsNullOrEmpty(p))),
            ["HOME"] = run.Home,
            ["TMPDIR"] = run.Home,
            // Keep cosign quiet about updates and from asking questions: it runs unattended.
            ["COSIGN_EXPERIMENTAL"] = "0",
        };
        foreach (var name in _options.PassEnvironment)
        {
            if (Environment.GetEnvironmentVariable(name) is { Length: > 0 } value)
            {
                env[name] = value;
            }
        }
        foreach (var (name, value) in run.Environment)
        {
            env[name] = value;
        }
        foreach (var (name, value) in run.Secrets)
        {
            env[name] = value;
        }
        return env;
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Running cosign {Command}")]
    private static partial void LogStarting(ILogger logger, string command);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "cosign {Command} exited with {ExitCode} (timed out: {TimedOut}) after {ElapsedMs:F0} ms")]
    private static partial void LogFinished(ILogger logger, string command, int exitCode, bool timedOut, double elapsedMs);
}
