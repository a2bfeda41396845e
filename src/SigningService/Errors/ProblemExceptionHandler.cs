using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace SigningService.Errors;

/// <summary>Turns exceptions into ProblemDetails without stack traces or exception text.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var (kind, detail, field) = exception switch
        {
            RequestProblemException p => (p.Kind, p.Message, p.Field),
            BadHttpRequestException { StatusCode: 413 } => (Problems.PayloadTooLarge, "The request body is larger than the configured limit.", null),
            BadHttpRequestException b => (Problems.Validation, "The request could not be read.", null),
            _ => (Problems.Internal, null, null),
        };
        if (kind == Problems.Internal)
        {
            LogUnhandled(logger, exception);
        }

        var details = new ProblemDetails { Type = kind.Type, Title = kind.Title, Status = kind.Status, Detail = detail };
        if (field is not null)
        {
            details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail ?? kind.Title] };
        }
        context.Response.StatusCode = kind.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = details,
        });
    }

    [LoggerMessage(EventId = 1000, Level = LogLevel.Error, Message = "Unhandled exception while processing a request")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
