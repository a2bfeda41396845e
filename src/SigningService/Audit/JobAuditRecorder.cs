using System.Text.Json.Nodes;
using SigningService.Jobs;

namespace SigningService.Audit;

/// <summary>Writes one record per job outcome: who asked, which key signed which artifact, and how it ended.</summary>
public sealed partial class JobAuditRecorder(AuditLog audit, ILogger<JobAuditRecorder> logger)
{
    /// <summary>Records the job's outcome once it reaches a final state (also when cancelled while queued).</summary>
    public void Watch(Job job)
    {
        var traceId = AuditLog.CurrentTraceId();
        _ = job.Finished.ContinueWith(_ => Record(job, traceId), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Record(Job job, string? traceId)
    {
        try
        {
            var result = job.Result;
            audit.Append(new AuditEntry(AuditEntry.JobEvent, job.Owner, job.Operation, job.Status.ToString().ToLowerInvariant())
            {
                Key = job.Subject?.Key ?? result?["key"]?.GetValue<string>(),
                Artifact = job.Subject?.Artifact,
                Digest = job.Subject?.Digest ?? Digest(result),
                Reason = job.Error?.Type,
                JobId = job.Id,
                TraceId = traceId,
                TlogIndex = TlogIndex(result),
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            LogAuditFailed(logger, e, job.Id);
        }
    }

    private static string? Digest(JsonObject? result) =>
        result?["digest"] is JsonValue d && d.TryGetValue<string>(out var digest) ? digest
        : result?["artifact"]?["sha256"] is JsonValue s && s.TryGetValue<string>(out var sha) ? "sha256:" + sha
        : null;

    /// <summary>The Rekor log index of the bundle cosign wrote, or one the handler reported.</summary>
    private static long? TlogIndex(JsonObject? result)
    {
        var node = result?["tlogIndex"] ?? result?["bundle"]?["verificationMaterial"]?["tlogEntries"]?[0]?["logIndex"];
        return node is JsonValue value
            && (value.TryGetValue<long>(out var n) || (value.TryGetValue<string>(out var text) && long.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out n)))
            ? n : null;
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Critical, Message = "The outcome of job {JobId} could not be written to the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string jobId);
}
