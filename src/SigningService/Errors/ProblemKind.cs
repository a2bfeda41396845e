namespace SigningService.Errors;

/// <summary>One kind of error the service reports: a stable type URI, an HTTP status and a title.</summary>
public sealed record ProblemKind(string Name, int Status, string Title, string Description)
{
    /// <summary>Relative URI that this service also serves at GET /problems/{name}.</summary>
    public string Type => $"/problems/{Name}";
}
