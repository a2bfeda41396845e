using System.Diagnostics.Metrics;

namespace SigningService.Telemetry;

/// <summary>The service's one Meter and its instruments. Labels never carry secrets or artifact names.</summary>
public static class ServiceMetrics
{
    public const string MeterName = "SigningService";

    public static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Jobs = Meter.CreateCounter<long>("signingservice.jobs", description: "Finished jobs by operation and outcome");
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("signingservice.job.duration", "s", "Job run time, queue wait excluded");
    public static readonly Histogram<double> QueueWait = Meter.CreateHistogram<double>("signingservice.job.queue_wait", "s", "Time jobs waited for a worker");
    public static readonly Histogram<double> CosignAttemptDuration = Meter.CreateHistogram<double>("signingservice.cosign.attempt.duration", "s", "One cosign run");
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("signingservice.retries", description: "Retries of remote calls by endpoint");
    public static readonly Counter<long> HsmOperations = Meter.CreateCounter<long>("signingservice.hsm.operations", description: "HSM operations by token and outcome");
}
