using SigningService.Errors;

namespace SigningService.Jobs;

/// <summary>Why a job failed, in ProblemDetails' shape.</summary>
public sealed record JobError(string Type, string Title, int Status, string? Detail)
{
    public static JobError From(ProblemKind kind, string? detail) => new(kind.Type, kind.Title, kind.Status, detail);
}
