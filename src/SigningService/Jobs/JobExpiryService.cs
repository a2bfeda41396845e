using Microsoft.Extensions.Options;

namespace SigningService.Jobs;

/// <summary>Forgets finished jobs after the retention time and deletes their files.</summary>
public sealed partial class JobExpiryService(IJobStore store, IOptions<JobOptions> options, TimeProvider time, ILogger<JobExpiryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ExpirySweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Removes every job that finished at least the retention time ago; returns how many.</summary>
    public int Sweep()
    {
        var expired = store.FinishedBefore(time.GetUtcNow() - options.Value.Retention);
        foreach (var job in expired)
        {
            store.Remove(job.Id);
            job.Workspace.Delete();
        }
        if (expired.Count > 0)
        {
            LogExpired(logger, expired.Count);
        }
        return expired.Count;
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Debug, Message = "Expired {Count} finished jobs")]
    private static partial void LogExpired(ILogger logger, int count);
}
