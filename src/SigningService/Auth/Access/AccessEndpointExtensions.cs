namespace SigningService.Auth.Access;

public static class AccessEndpointExtensions
{
    /// <summary>
    /// Marks endpoints (or a whole group) as performing <paramref name="operation"/>: callers without
    /// any grant for it are refused before the body is read. Handlers still call
    /// <see cref="AccessGate.Check"/> with the key and artifact the request names.
    /// </summary>
    public static TBuilder RequireOperation<TBuilder>(this TBuilder builder, string operation)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(new RequiredOperation(operation));
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status401Unauthorized, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        builder.WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var refusal = http.RequestServices.GetRequiredService<AccessGate>().Check(http, operation);
            return refusal is not null ? refusal : await next(context);
        });
        return builder;
    }
}
