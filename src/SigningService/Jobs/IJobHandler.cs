using System.Text.Json.Nodes;

namespace SigningService.Jobs;

/// <summary>
/// Does one kind of job. Returns the job's result; throws <see cref="JobFailedException"/> for a
/// failure the caller should see, and lets <see cref="OperationCanceledException"/> through.
/// </summary>
public interface IJobHandler
{
    string Operation { get; }

    Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken);
}
