namespace SigningService.Errors;

/// <summary>
/// Thrown while a request is read (e.g. deep inside multipart parsing) to answer with a problem;
/// the exception handler turns it into ProblemDetails. Messages must be safe to show to callers.
/// </summary>
public sealed class RequestProblemException(ProblemKind kind, string detail, string? field = null) : Exception(detail)
{
    public ProblemKind Kind { get; } = kind;
    public string? Field { get; } = field;
}
