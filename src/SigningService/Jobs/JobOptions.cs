using System.ComponentModel.DataAnnotations;

namespace SigningService.Jobs;

public sealed class JobOptions
{
    public const string Section = "Jobs";

    [Range(1, 256)]
    public int Workers { get; set; } = 4;

    /// <summary>Jobs waiting for a worker; one more gets 503 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 256;

    /// <summary>How long a finished job and its artifacts stay downloadable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Seconds suggested in Retry-After when the queue is full.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Upper bound for Prefer: wait=N.</summary>
    [Range(0, 60)]
    public int MaxWaitSeconds { get; set; } = 60;
}
