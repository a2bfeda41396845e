using Microsoft.AspNetCore.Http.HttpResults;
using SigningService.Audit;
using SigningService.Errors;

namespace SigningService.Auth.Access;

/// <summary>
/// The one way endpoints ask the policy: an allowed decision is attached to the request (the job
/// submitter needs it), a refusal becomes a 403 ProblemDetails and, for sign/attest, an audit record.
/// </summary>
public sealed partial class AccessGate(IAccessPolicy policy, AuditLog audit, ILogger<AccessGate> logger)
{
    /// <summary>Null when allowed; otherwise the 403 to return. Call it with everything the request names.</summary>
    public ProblemHttpResult? Check(HttpContext http, string operation, string? keyName = null, ArtifactScope? scope = null)
    {
        var decision = policy.Authorize(http.User, operation, keyName, scope);
        if (decision.Allowed)
        {
            new AccessGrant(decision.Principal, operation, keyName, scope).Attach(http);
            return null;
        }
        LogRefused(logger, decision.Principal, operation, decision.Explanation);
        if (Operations.IsAudited(operation))
        {
            RecordRefusal(new AuditEntry(AuditEntry.RefusedEvent, decision.Principal, operation, "forbidden")
            {
                Key = keyName,
                Artifact = scope?.Name,
                Digest = scope?.Digest,
                Reason = decision.Explanation,
            });
        }
        return ProblemResults.Of(Problems.Forbidden, decision.Explanation);
    }

    /// <summary>Writes a refusal; a refusal stands even when the audit log cannot be written.</summary>
    public void RecordRefusal(AuditEntry entry)
    {
        try
        {
            audit.Append(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogAuditFailed(logger, e);
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Refused {Principal} for {Operation}: {Explanation}")]
    private static partial void LogRefused(ILogger logger, string principal, string operation, string explanation);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Critical, Message = "A refusal could not be written to the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);
}
