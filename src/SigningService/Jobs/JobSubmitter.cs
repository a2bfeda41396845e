using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigningService.Audit;
using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Storage;

namespace SigningService.Jobs;

/// <summary>
/// The one path by which every endpoint turns a validated request into a job: reserve a workspace,
/// store, enqueue, and answer 202 (or 200 when the caller asked to wait and the job finished).
/// </summary>
public sealed partial class JobSubmitter(
    IJobStore store, JobQueue queue, IOptions<JobOptions> jobOptions, IOptions<StorageOptions> storage, TimeProvider time,
    JobAuditRecorder audit, ILogger<JobSubmitter> logger)
{
    /// <summary>A private folder for a job that does not exist yet: uploads go here while the request is read.</summary>
    public JobWorkspace Reserve(out string jobId)
    {
        jobId = JobIds.New();
        return JobWorkspace.Create(storage.Value.Root, jobId);
    }

    public async Task<JobResponse> SubmitAsync(
        HttpContext http, string jobId, string operation, object input, JobWorkspace workspace)
    {
        // Fail closed: an endpoint that did not ask the access gate gets no job.
        if (AccessGrant.Of(http) is not { } grant)
        {
            LogNoGrant(logger, operation);
            return ProblemResults.Of(Problems.Forbidden, "The request was not authorized.");
        }
        using var activity = JobWorkerPool.Activity.StartActivity("job.enqueue");
        activity?.SetTag("job.id", jobId);
        activity?.SetTag("job.operation", operation);
        var job = new Job(jobId, operation, input, workspace, time.GetUtcNow())
        {
            TraceParent = activity?.Context ?? System.Diagnostics.Activity.Current?.Context ?? default,
            Owner = grant.Principal,
            Subject = new JobSubject(grant.Key, grant.Scope?.Name, grant.Scope?.Digest),
        };
        store.Add(job);
        if (!queue.TryEnqueue(job))
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, "queue full");
            store.Remove(job.Id);
            workspace.Delete();
            http.Response.Headers.RetryAfter = jobOptions.Value.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return ProblemResults.Of(Problems.QueueFull, "Too many jobs are waiting for a worker.");
        }
        audit.Watch(job);
        return await AnswerAsync(http, job);
    }

    /// <summary>202 with the job now, or 200 with the finished job if Prefer: wait=N allows and it finishes in time.</summary>
    public async Task<JobResponse> AnswerAsync(HttpContext http, Job job)
    {
        var location = $"/v1/jobs/{job.Id}";
        var wait = PreferWait.Parse(http.Request.Headers["Prefer"], jobOptions.Value.MaxWaitSeconds);
        if (wait is { } timeout && timeout > TimeSpan.Zero)
        {
            try
            {
                await job.Finished.WaitAsync(timeout, time, http.RequestAborted);
            }
            catch (TimeoutException)
            {
            }
            http.Response.Headers["Preference-Applied"] = $"wait={(int)timeout.TotalSeconds}";
            if (job.IsFinished)
            {
                http.Response.Headers.ContentLocation = location;
                return TypedResults.Ok(JobView.Of(job));
            }
        }
        return TypedResults.Accepted(location, JobView.Of(job));
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "A {Operation} job was refused: its endpoint never called AccessGate.Check")]
    private static partial void LogNoGrant(ILogger logger, string operation);
}
