using System.Text.Json.Nodes;

namespace SigningService.Jobs;

public sealed record JobArtifactView(string Name, string Href, string ContentType);

/// <summary>What GET /v1/jobs/{id} shows of a job.</summary>
public sealed record JobView(
    string Id,
    string Operation,
    JobStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    JsonObject? Result,
    JobError? Error,
    IReadOnlyList<JobArtifactView> Artifacts,
    string? TraceId)
{
    public static JobView Of(Job job) => new(
        job.Id,
        job.Operation,
        job.Status,
        job.CreatedAt,
        job.StartedAt,
        job.FinishedAt,
        job.Result?.DeepClone().AsObject(),
        job.Error,
        [.. job.Artifacts.OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => new JobArtifactView(a.Name, $"/v1/jobs/{job.Id}/artifacts/{a.Name}", a.ContentType))],
        job.TraceId);
}
