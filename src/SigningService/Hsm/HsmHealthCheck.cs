using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SigningService.Hsm;

/// <summary>Ready when every token is logged in and every HSM key loaded; reports each pool's counters.</summary>
public sealed class HsmHealthCheck(HsmTokenPools pools, HsmKeyLoader keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, pool) in pools.All)
        {
            var state = pool.State;
            data[name] = new Dictionary<string, object>
            {
                ["state"] = state.Status.ToString(),
                ["message"] = state.Message,
                ["inUse"] = pool.InUse,
                ["idle"] = pool.Idle,
                ["maxSessions"] = pool.MaxSessions,
                ["sessionsOpened"] = pool.TotalOpened,
                ["recoveries"] = pool.Recoveries,
            };
            if (!state.IsReady)
            {
                problems.Add($"HSM token '{name}': {state.Status}: {state.Message}");
            }
        }
        problems.AddRange(keys.NotLoaded.Values);
        return Task.FromResult(problems.Count == 0
            ? HealthCheckResult.Healthy("HSM tokens ready", data)
            : HealthCheckResult.Unhealthy(string.Join("; ", problems), data: data));
    }
}
