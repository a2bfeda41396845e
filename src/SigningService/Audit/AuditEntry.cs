namespace SigningService.Audit;

/// <summary>What happened; the log adds the sequence number, time and hash chain.</summary>
public sealed record AuditEntry(string Event, string Principal, string Operation, string Result)
{
    public const string JobEvent = "job";
    public const string RefusedEvent = "refused";
    public const string HsmSignatureEvent = "hsm-signature";

    public string? Key { get; init; }
    public string? Artifact { get; init; }
    public string? Digest { get; init; }

    /// <summary>Why: the refusal's explanation or the job's error kind.</summary>
    public string? Reason { get; init; }
    public string? JobId { get; init; }
    public string? TraceId { get; init; }
    public long? TlogIndex { get; init; }
}
