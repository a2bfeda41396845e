using SigningService.Auth;
using SigningService.Auth.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using SigningService.Errors;

namespace SigningService.Jobs;

public static class JobsApi
{
    public static RouteGroupBuilder MapJobs(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/jobs").WithTags("Jobs").RequireOperation(Operations.ReadJobs);

        group.MapGet("/{id}", Get).WithName("GetJob").WithSummary("Get a job's status and result.").ProducesProblem(404);
        group.MapDelete("/{id}", Cancel).WithName("CancelJob")
            .WithSummary("Cancel a queued or running job (its cosign process is killed).").ProducesProblem(404).ProducesProblem(409);
        group.MapGet("/{id}/artifacts/{name}", Artifact).WithName("GetJobArtifact")
            .WithSummary("Download an artifact of a job (e.g. bundle, signature).").ProducesProblem(404);
        return group;
    }

    private static Results<Ok<JobView>, ProblemHttpResult> Get(string id, HttpContext http, IJobStore store, IAccessPolicy policy) =>
        Visible(id, http, store, policy) is { } job ? TypedResults.Ok(JobView.Of(job)) : NotFound();

    private static async Task<Results<Ok<JobView>, ProblemHttpResult>> Cancel(
        string id, HttpContext http, IJobStore store, IAccessPolicy policy, TimeProvider time)
    {
        if (Visible(id, http, store, policy) is not { } job)
        {
            return NotFound();
        }
        if (!job.RequestCancel(time.GetUtcNow()))
        {
            return ProblemResults.Of(Problems.JobFinished, $"The job has already ended ({job.Status.ToString().ToLowerInvariant()}).");
        }
        // The worker notices within moments (the process is killed); answer with the final state when we can.
        try
        {
            await job.Finished.WaitAsync(TimeSpan.FromSeconds(10), time);
        }
        catch (TimeoutException)
        {
        }
        return TypedResults.Ok(JobView.Of(job));
    }

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> Artifact(
        string id, string name, HttpContext http, IJobStore store, IAccessPolicy policy)
    {
        if (Visible(id, http, store, policy) is not { } job)
        {
            return NotFound();
        }
        // Names come from the job's own list; a request cannot name a path.
        return job.FindArtifact(name) is { } artifact && File.Exists(artifact.Path)
            ? TypedResults.PhysicalFile(artifact.Path, artifact.ContentType, fileDownloadName: artifact.Name)
            : ProblemResults.Of(Problems.ArtifactNotFound, "The job has no artifact with this name.");
    }

    /// <summary>Another principal's job is answered exactly like a missing one: its existence is not revealed.</summary>
    private static Job? Visible(string id, HttpContext http, IJobStore store, IAccessPolicy policy) =>
        store.Find(id) is { } job && (job.Owner == Principals.NameOf(http.User) || policy.IsAdmin(http.User)) ? job : null;

    private static ProblemHttpResult NotFound() => ProblemResults.Of(Problems.JobNotFound, "No job has this id, or it has expired.");
}
