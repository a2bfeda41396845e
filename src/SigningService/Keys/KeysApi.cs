using SigningService.Auth.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using SigningService.Errors;

namespace SigningService.Keys;

public static class KeysApi
{
    public static RouteGroupBuilder MapKeys(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/keys").WithTags("Keys").RequireOperation(Operations.ReadKeys);
        group.MapGet("/", List).WithName("ListKeys").WithSummary("List the configured signing keys and their public keys.");
        group.MapGet("/{name}/public.pem", PublicPem).WithName("GetPublicKey")
            .WithSummary("The key's public key as SPKI PEM, for `cosign verify --key`.")
            .Produces<string>(200, "application/x-pem-file");
        return group;
    }

    private static Ok<KeyView[]> List(KeyRegistry registry) =>
        TypedResults.Ok(registry.All.Select(k => new KeyView(
            k.Name, k.Kind, k.Algorithm, k.Name == registry.DefaultKey, k.PublicKeyPem, $"/v1/keys/{k.Name}/public.pem")).ToArray());

    private static Results<ContentHttpResult, ProblemHttpResult> PublicPem(string name, KeyRegistry registry) =>
        registry.Find(name) is { } key
            ? TypedResults.Text(key.PublicKeyPem, "application/x-pem-file")
            : ProblemResults.Of(Problems.KeyNotFound, "No configured key has this name.");
}
