using Microsoft.AspNetCore.Http.HttpResults;

namespace SigningService.Errors;

/// <summary>Serves a description of each problem type, so every "type" URI resolves to documentation.</summary>
public static class ProblemsApi
{
    public sealed record ProblemTypeView(string Type, string Name, int Status, string Title, string Description);

    public static IEndpointRouteBuilder MapProblemTypes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/problems").WithTags("Problems").AllowAnonymous();
        group.MapGet("/", () => TypedResults.Ok(Problems.All.Select(View).ToArray())).WithName("ListProblemTypes");
        group.MapGet("/{name}", Results<Ok<ProblemTypeView>, ProblemHttpResult> (string name) =>
            Problems.Find(name) is { } kind ? TypedResults.Ok(View(kind)) : ProblemResults.Of(Problems.NotFound, "No such problem type."))
            .WithName("GetProblemType");
        return routes;
    }

    private static ProblemTypeView View(ProblemKind kind) => new(kind.Type, kind.Name, kind.Status, kind.Title, kind.Description);
}
