using SigningService.Errors;

namespace SigningService.Jobs;

/// <summary>Ends a job as failed. The detail is shown to the caller: no secrets, no stack traces.</summary>
public sealed class JobFailedException(ProblemKind kind, string detail) : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
}
