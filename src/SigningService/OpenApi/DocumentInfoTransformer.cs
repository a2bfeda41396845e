using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SigningService.OpenApi;

/// <summary>Fixed document metadata, so openapi.yaml changes only when the API does.</summary>
internal sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "SigningService",
            Version = "v1",
            Description = "Sign, verify and attest files and OCI images with cosign and HSM-held keys. " +
                "Sign/verify endpoints queue jobs: 202 Accepted with Location /v1/jobs/{id}; send 'Prefer: wait=N' to get the finished job.",
        };
        document.Servers = [];
        return Task.CompletedTask;
    }
}
