using System.Diagnostics;
using Microsoft.Extensions.Options;
using SigningService.Errors;
using SigningService.Telemetry;

namespace SigningService.Jobs;

/// <summary>Runs the configured number of worker loops over the job queue.</summary>
public sealed partial class JobWorkerPool(
    JobQueue queue,
    IEnumerable<IJobHandler> handlers,
    IOptions<JobOptions> options,
    TimeProvider time,
    ILogger<JobWorkerPool> logger) : BackgroundService
{
    public static readonly ActivitySource Activity = new("SigningService.Jobs");

    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Operation, StringComparer.Ordinal);
    private int _running;
    private int _busy;

    /// <summary>Worker loops alive; readiness fails when this drops below the configured count.</summary>
    public int Running => Volatile.Read(ref _running);

    public int Busy => Volatile.Read(ref _busy);

    public int Configured => options.Value.Workers;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => LoopAsync(stoppingToken), stoppingToken)));

    private async Task LoopAsync(CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await foreach (var job in queue.ReadAllAsync(stoppingToken))
            {
                Interlocked.Increment(ref _busy);
                try
                {
                    await RunAsync(job, stoppingToken);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private async Task RunAsync(Job job, CancellationToken stoppingToken)
    {
        var startedAt = time.GetUtcNow();
        if (!job.TryStart(startedAt))
        {
            job.Workspace.DeleteWork();
            return;
        }
        // The wait is recorded after the fact, as a span from submission to pick-up in the request's trace.
        Activity.StartActivity("job.queue_wait", ActivityKind.Internal, job.TraceParent, startTime: job.CreatedAt)?
            .SetTag("job.id", job.Id).Dispose();
        ServiceMetrics.QueueWait.Record((startedAt - job.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("operation", job.Operation));
        using var activity = Activity.StartActivity("job.run " + job.Operation, ActivityKind.Internal, job.TraceParent);
        activity?.SetTag("job.id", job.Id);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = job.Id });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(job.Cancellation.Token, stoppingToken);
        Action<DateTimeOffset> finish;
        try
        {
            var result = await _handlers[job.Operation].ExecuteAsync(job, linked.Token);
            finish = now => job.Succeed(result, now);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            finish = job.MarkCancelled;
        }
        catch (JobFailedException e)
        {
            finish = now => job.Fail(JobError.From(e.Kind, e.Message), now);
        }
        catch (Exception e)
        {
            LogJobCrashed(logger, e, job.Id, job.Operation);
            finish = now => job.Fail(JobError.From(Problems.Internal, "The job failed unexpectedly."), now);
        }
        // Inputs go before the job is seen as finished: whoever sees the final state sees them gone.
        job.Workspace.DeleteWork();
        var finishedAt = time.GetUtcNow();
        finish(finishedAt);
        var outcome = job.Status.ToString().ToLowerInvariant();
        activity?.SetTag("job.status", outcome);
        if (job.Status == JobStatus.Failed)
        {
            activity?.SetStatus(ActivityStatusCode.Error, job.Error?.Type);
        }
        ServiceMetrics.Jobs.Add(1, new KeyValuePair<string, object?>("operation", job.Operation), new KeyValuePair<string, object?>("outcome", outcome));
        ServiceMetrics.JobDuration.Record((finishedAt - startedAt).TotalSeconds, new KeyValuePair<string, object?>("operation", job.Operation));
        LogJobFinished(logger, job.Id, job.Operation, job.Status);
    }

    [LoggerMessage(EventId = 3000, Level = LogLevel.Error, Message = "Job {JobId} ({Operation}) failed unexpectedly")]
    private static partial void LogJobCrashed(ILogger logger, Exception exception, string jobId, string operation);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Job {JobId} ({Operation}) finished: {Status}")]
    private static partial void LogJobFinished(ILogger logger, string jobId, string operation, JobStatus status);
}
