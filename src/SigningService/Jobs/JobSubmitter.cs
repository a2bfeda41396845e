using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SigningService.Errors;
using SigningService.Storage;

namespace SigningService.Jobs;

/// <summary>
/// The one path by which every endpoint turns a validated request into a job: reserve a workspace,
/// store, enqueue, and answer 202 (or 200 when the caller asked to wait and the job finished).
/// </summary>
public sealed class JobSubmitter(
    IJobStore store, JobQueue queue, IOptions<JobOptions> jobOptions, IOptions<StorageOptions> storage, TimeProvider time)
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
        using var activity = JobWorkerPool.Activity.StartActivity("job.enqueue");
        activity?.SetTag("job.id", jobId);
        activity?.SetTag("job.operation", operation);
        var job = new Job(jobId, operation, input, workspace, time.GetUtcNow())
        {
            TraceParent = activity?.Context ?? System.Diagnostics.Activity.Current?.Context ?? default,
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
}
