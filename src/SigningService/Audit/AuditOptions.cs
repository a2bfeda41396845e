namespace SigningService.Audit;

public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>The JSON Lines file (created 0600). Unset: audit.jsonl in Storage:Root.</summary>
    public string? Path { get; set; }
}
