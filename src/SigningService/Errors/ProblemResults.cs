using Microsoft.AspNetCore.Http.HttpResults;

namespace SigningService.Errors;

/// <summary>Builds ProblemDetails results from the table so every response has the same shape.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Of(ProblemKind kind, string? detail = null) =>
        TypedResults.Problem(detail: detail, statusCode: kind.Status, title: kind.Title, type: kind.Type);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: Problems.Validation.Title, type: Problems.Validation.Type);

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
