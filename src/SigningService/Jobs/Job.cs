using System.Text.Json.Nodes;
using SigningService.Storage;

namespace SigningService.Jobs;

/// <summary>
/// A unit of work and its state. Transitions are guarded by a lock so that a cancel racing with a
/// worker's start or finish leaves exactly one final state.
/// </summary>
public sealed class Job(string id, string operation, object input, JobWorkspace workspace, DateTimeOffset createdAt)
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _status = (int)JobStatus.Queued;
    private readonly Dictionary<string, JobArtifact> _artifacts = new(StringComparer.Ordinal);

    public string Id { get; } = id;
    public string Operation { get; } = operation;
    public object Input { get; } = input;
    public JobWorkspace Workspace { get; } = workspace;
    public DateTimeOffset CreatedAt { get; } = createdAt;

    /// <summary>The submitting request's trace context: the job's spans continue that trace.</summary>
    public System.Diagnostics.ActivityContext TraceParent { get; init; }

    public string? TraceId => TraceParent == default ? null : TraceParent.TraceId.ToString();

    /// <summary>The principal that created the job: only it (and admins) can see or cancel it.</summary>
    public string Owner { get; init; } = Auth.Principals.Unauthenticated;

    /// <summary>The key and artifact the job was authorized for, for the audit log.</summary>
    public JobSubject? Subject { get; init; }
    public DateTimeOffset? StartedAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }
    public JobStatus Status { get => (JobStatus)Volatile.Read(ref _status); private set => Volatile.Write(ref _status, (int)value); }
    public JsonObject? Result { get; private set; }
    public JobError? Error { get; private set; }

    /// <summary>Cancelled by DELETE /v1/jobs/{id}; the cosign process tree dies with it.</summary>
    public CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Completes when the job reaches a final state.</summary>
    public Task Finished => _finished.Task;

    public bool IsFinished => Status is JobStatus.Succeeded or JobStatus.Failed or JobStatus.Cancelled;

    public IReadOnlyCollection<JobArtifact> Artifacts
    {
        get { lock (_gate) { return [.. _artifacts.Values]; } }
    }

    public JobArtifact? FindArtifact(string name)
    {
        lock (_gate) { return _artifacts.GetValueOrDefault(name); }
    }

    /// <summary>Registers a stored artifact (a span records the storage step, with its size).</summary>
    public void AddArtifact(JobArtifact artifact)
    {
        using var activity = JobWorkerPool.Activity.StartActivity("artifact.store");
        activity?.SetTag("artifact.name", artifact.Name);
        activity?.SetTag("artifact.size", File.Exists(artifact.Path) ? new FileInfo(artifact.Path).Length : 0);
        lock (_gate) { _artifacts[artifact.Name] = artifact; }
    }

    /// <summary>Moves a queued job to running; false when it was cancelled while it waited.</summary>
    public bool TryStart(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (Status != JobStatus.Queued)
            {
                return false;
            }
            Status = JobStatus.Running;
            StartedAt = now;
            return true;
        }
    }

    public void Succeed(JsonObject result, DateTimeOffset now) => Finish(JobStatus.Succeeded, result, null, now);

    public void Fail(JobError error, DateTimeOffset now) => Finish(JobStatus.Failed, null, error, now);

    /// <summary>Cancels a queued or running job; false when it had already finished.</summary>
    public bool RequestCancel(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (IsFinished)
            {
                return false;
            }
            if (Status == JobStatus.Queued)
            {
                // No worker holds it: finish it here; the worker skips it when it comes up.
                FinishLocked(JobStatus.Cancelled, null, null, now);
            }
        }
        Cancellation.Cancel();
        return true;
    }

    public void MarkCancelled(DateTimeOffset now) => Finish(JobStatus.Cancelled, null, null, now);

    private void Finish(JobStatus status, JsonObject? result, JobError? error, DateTimeOffset now)
    {
        lock (_gate)
        {
            FinishLocked(status, result, error, now);
        }
    }

    private void FinishLocked(JobStatus status, JsonObject? result, JobError? error, DateTimeOffset now)
    {
        if (IsFinished)
        {
            return;
        }
        // Status last: readers that see a final status also see its result.
        Result = result;
        Error = error;
        FinishedAt = now;
        Status = status;
        _finished.TrySetResult();
    }
}
