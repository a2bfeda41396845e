using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SigningService.Auth.Access;

namespace SigningService.OpenApi;

/// <summary>Declares the bearer scheme and marks every operation that needs it (those with a <see cref="RequiredOperation"/>).</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string SchemeId = "bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key (configured by its SHA-256 under Auth:ApiKeys) or an OIDC token from an issuer under Auth:Oidc. " +
                "What a caller may do is granted by Auth:Policies (default deny).",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var required = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequiredOperation>().FirstOrDefault();
        if (required is not null)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] });
            operation.Description = $"Requires the '{required.Operation}' operation. " + operation.Description;
        }
        return Task.CompletedTask;
    }
}
