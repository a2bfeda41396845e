using System.Diagnostics;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Processes;
using SigningService.Resilience;
using SigningService.Telemetry;

namespace SigningService.Cosign;

/// <summary>
/// Runs cosign with a minimal environment and the configured limits. Runs that talk to a remote
/// endpoint go through that endpoint's resilience pipeline: transient failures are retried, each
/// attempt is its own span, and an open circuit fails the run at once.
/// </summary>
public sealed partial class CosignCli(
    IProcessRunner runner, CosignInfo info, RemotePipelines pipelines, IOptions<CosignOptions> options, ILogger<CosignCli> logger)
{
    public static readonly ActivitySource Activity = new("SigningService.Cosign");

    private static readonly ResiliencePropertyKey<int> AttemptKey = new("cosign.attempt");

    private readonly CosignOptions _options = options.Value;

    private string Executable => info.ResolvedPath ?? _options.Path;

    public async Task<CosignResult> RunAsync(CosignRun run, CancellationToken cancellationToken)
    {
        if (run.RemoteEndpoint is not { } endpoint)
        {
            return await RunOnceAsync(run, 0, cancellationToken);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        CosignResult? last = null;
        try
        {
            return await pipelines.For(endpoint).ExecuteAsync(async (ctx, state) =>
            {
                var attempt = ctx.Properties.GetValue(AttemptKey, 0);
                ctx.Properties.Set(AttemptKey, attempt + 1);
                last = await RunOnceAsync(state, attempt, ctx.CancellationToken);
                if (CosignFailureClassifier.Classify(last) is { Class: FailureClass.Transient } failure)
                {
                    throw new TransientRemoteException($"{failure.Kind.Name}: {last.ErrorMessage}", last);
                }
                return last;
            }, context, run);
        }
        catch (TransientRemoteException) when (last is not null)
        {
            // Attempts are used up: the caller classifies the last answer like any other failure.
            return last;
        }
        catch (TimeoutRejectedException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new JobFailedException(Problems.RegistryUnavailable, $"{endpoint} did not answer within the configured time.");
        }
        catch (BrokenCircuitException)
        {
            throw new JobFailedException(Problems.RegistryUnavailable,
                $"{endpoint} failed repeatedly; calls to it are suspended for a while (circuit open).");
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<CosignResult> RunOnceAsync(CosignRun run, int attempt, CancellationToken cancellationToken)
    {
        using var activity = Activity.StartActivity("cosign " + run.Command);
        // Arguments never hold secrets (those travel in the environment), so they may be recorded.
        activity?.SetTag("cosign.command", run.Command);
        activity?.SetTag("cosign.args", string.Join(' ', run.Arguments));
        activity?.SetTag("cosign.attempt", attempt);
        if (run.RemoteEndpoint is not null)
        {
            activity?.SetTag("server.address", run.RemoteEndpoint);
        }

        var spec = new ProcessSpec(Executable, [run.Command, .. run.Arguments])
        {
            Environment = BuildEnvironment(run),
            WorkingDirectory = run.WorkingDirectory ?? run.Home,
            Timeout = _options.Timeout,
            MaxOutputChars = _options.MaxOutputChars,
            StandardInput = run.StandardInput,
        };
        LogStarting(logger, run.Command, attempt);
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(spec, cancellationToken);
        }
        catch (OperationCanceledException) when (activity is not null)
        {
            // Killed by the attempt timeout (the pipeline retries) or by the job's cancellation: either way not a success.
            activity.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        activity?.SetTag("process.exit_code", result.ExitCode);
        if (result.TimedOut || result.ExitCode != 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, result.TimedOut ? "timed out" : $"exit code {result.ExitCode}");
        }
        ServiceMetrics.CosignAttemptDuration.Record(result.Duration.TotalSeconds,
            new KeyValuePair<string, object?>("command", run.Command), new KeyValuePair<string, object?>("exit_code", result.ExitCode));
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

    [LoggerMessage(EventId = 2000, Level = LogLevel.Debug, Message = "Running cosign {Command} (attempt {Attempt})")]
    private static partial void LogStarting(ILogger logger, string command, int attempt);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "cosign {Command} exited with {ExitCode} (timed out: {TimedOut}) after {ElapsedMs:F0} ms")]
    private static partial void LogFinished(ILogger logger, string command, int exitCode, bool timedOut, double elapsedMs);
}
