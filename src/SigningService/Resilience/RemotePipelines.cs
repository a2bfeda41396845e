using System.Diagnostics.Metrics;
using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SigningService.Registry;
using SigningService.Telemetry;

namespace SigningService.Resilience;

/// <summary>
/// One Polly pipeline per remote endpoint (registry host, Rekor URL, Fulcio URL): total timeout →
/// retry with exponential backoff and jitter → circuit breaker → per-attempt timeout. cosign runs and
/// the service's own HTTP calls to the same endpoint share it, so they share its circuit.
/// </summary>
public sealed partial class RemotePipelines
{
    private readonly IOptions<ResilienceOptions> options;
    private readonly TimeProvider time;
    private readonly ILogger<RemotePipelines> logger;

    public RemotePipelines(
        IOptions<ResilienceOptions> options, TimeProvider time, ILogger<RemotePipelines> logger,
        System.Diagnostics.Metrics.IMeterFactory? meters = null)
    {
        this.options = options;
        this.time = time;
        this.logger = logger;
        // 0 closed, 1 open, 2 half-open, 3 isolated: Polly's CircuitState values.
        meters?.Create(ServiceMetrics.MeterName).CreateObservableGauge("signingservice.circuit.state",
            () => _entries.Select(e => new System.Diagnostics.Metrics.Measurement<int>(
                (int)e.Value.State.CircuitState, new KeyValuePair<string, object?>("endpoint", e.Key))),
            description: "Circuit state per remote endpoint: 0 closed, 1 open, 2 half-open, 3 isolated");
    }

    private sealed record Entry(ResiliencePipeline Pipeline, CircuitBreakerStateProvider State);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only transient failures are retried or counted by the breaker.</summary>
    public static bool IsTransient(Exception e) =>
        e is TransientRemoteException or TimeoutRejectedException || e is RegistryException { IsTransient: true };

    public ResiliencePipeline For(string endpoint) => _entries.GetOrAdd(endpoint, Build).Pipeline;

    /// <summary>Circuit state per endpoint seen so far, for readiness detail and metrics.</summary>
    public IReadOnlyDictionary<string, CircuitState> CircuitStates =>
        _entries.ToDictionary(e => e.Key, e => e.Value.State.CircuitState, StringComparer.OrdinalIgnoreCase);

    private Entry Build(string endpoint)
    {
        var o = options.Value;
        var state = new CircuitBreakerStateProvider();
        var handle = new PredicateBuilder().Handle<Exception>(IsTransient);
        var pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(o.TotalTimeout)
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = handle,
                MaxRetryAttempts = o.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = o.BaseDelay,
                MaxDelay = o.MaxDelay,
                // A registry's Retry-After wins over our own backoff when it asks for longer.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RegistryUnavailableException { RetryAfter: { } after } ? (TimeSpan?)Clamp(after, o.MaxDelay) : null),
                OnRetry = args =>
                {
                    ServiceMetrics.Retries.Add(1, new KeyValuePair<string, object?>("endpoint", endpoint));
                    System.Diagnostics.Activity.Current?.AddEvent(new("retry", tags: new()
                    {
                        ["retry.attempt"] = args.AttemptNumber + 1,
                        ["retry.delay_ms"] = args.RetryDelay.TotalMilliseconds,
                        ["error"] = args.Outcome.Exception?.GetType().Name,
                    }));
                    LogRetry(logger, endpoint, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, args.Outcome.Exception?.Message);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = handle,
                FailureRatio = o.BreakerFailureRatio,
                MinimumThroughput = o.BreakerMinimumThroughput,
                SamplingDuration = o.BreakerSamplingDuration,
                BreakDuration = o.BreakerBreakDuration,
                StateProvider = state,
                OnOpened = _ => { LogCircuit(logger, endpoint, "open"); return default; },
                OnHalfOpened = _ => { LogCircuit(logger, endpoint, "half-open"); return default; },
                OnClosed = _ => { LogCircuit(logger, endpoint, "closed"); return default; },
            })
            .AddTimeout(o.AttemptTimeout)
            .Build();
        return new Entry(pipeline, state);
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan max) => value < TimeSpan.Zero ? TimeSpan.Zero : value > max ? max : value;

    [LoggerMessage(EventId = 5000, Level = LogLevel.Warning,
        Message = "Transient failure talking to {Endpoint}; retry {Attempt} in {DelayMs:F0} ms: {Error}")]
    private static partial void LogRetry(ILogger logger, string endpoint, int attempt, double delayMs, string? error);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Circuit for {Endpoint} is now {State}")]
    private static partial void LogCircuit(ILogger logger, string endpoint, string state);
}
