using Microsoft.Extensions.Diagnostics.HealthChecks;
using SigningService.Cosign;
using SigningService.Jobs;
using SigningService.Keys;

namespace SigningService.Health;

/// <summary>Ready means: cosign was found and works, every worker loop runs, and the keys are loaded.</summary>
public sealed class ReadinessCheck(
    CosignInfo cosign, JobWorkerPool workers, KeyRegistry keys, JobQueue queue, Resilience.RemotePipelines remotes) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>
        {
            ["cosign"] = cosign.Version ?? "not probed",
            ["workers"] = $"{workers.Running}/{workers.Configured}",
            ["busyWorkers"] = workers.Busy,
            ["queueDepth"] = queue.Depth,
            ["keys"] = keys.All.Count(),
            // An open circuit is reported, not fatal: other registries and local work still go.
            ["circuits"] = remotes.CircuitStates.ToDictionary(c => c.Key, c => c.Value.ToString()),
        };
        var problems = new List<string>();
        if (!cosign.Ready)
        {
            problems.Add("cosign is not ready");
        }
        if (workers.Running < workers.Configured)
        {
            problems.Add($"only {workers.Running} of {workers.Configured} workers are running");
        }
        if (!keys.Loaded)
        {
            problems.Add("keys are not loaded");
        }
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("ready", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
    }
}
