using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using SigningService.Audit;
using SigningService.Auth.Access;
using SigningService.Auth.ApiKeys;
using SigningService.Auth.Jwt;
using SigningService.Errors;

namespace SigningService.Auth;

/// <summary>
/// `Authorization: Bearer X` where X is an API key (checked against configured hashes) or an OIDC
/// token from a configured issuer. Failures answer 401 ProblemDetails with fixed, safe details.
/// </summary>
public sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth,
    ApiKeyHasher apiKeys,
    JwtValidator jwt,
    IProblemDetailsService problems,
    AccessGate gate) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "Bearer";
    private const string FailureItem = "SigningService.AuthFailure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (auth.Value.Mode == AuthMode.Disabled)
        {
            return Success(Principals.Anonymous(SchemeName));
        }
        var headers = Request.Headers.Authorization;
        if (headers.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }
        if (headers.Count > 1 || headers[0] is not { } header
            || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= 7)
        {
            return Fail("Send exactly one Authorization: Bearer <API key or OIDC token> header.");
        }
        var token = header[7..].Trim();
        if (token.Any(char.IsControl))
        {
            return Fail("The credential is not valid.");
        }
        if (apiKeys.TryAuthenticate(token, out var keyName))
        {
            return Success(Principals.ForApiKey(keyName, SchemeName));
        }
        if (token.Count(c => c == '.') != 2)
        {
            return Fail("The credential is not valid.");
        }
        var result = await jwt.ValidateAsync(token, Context.RequestAborted);
        return result.Succeeded ? Success(Principals.ForToken(result.Token, SchemeName)) : Fail(result.FailureMessage);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureItem] as string;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = failure is null
            ? "Bearer realm=\"SigningService\""
            : "Bearer realm=\"SigningService\", error=\"invalid_token\"";
        var detail = failure ?? "Send Authorization: Bearer <API key or OIDC token>.";
        if (Context.GetEndpoint()?.Metadata.GetMetadata<RequiredOperation>() is { } required && Operations.IsAudited(required.Operation))
        {
            gate.RecordRefusal(new AuditEntry(AuditEntry.RefusedEvent, Principals.Unauthenticated, required.Operation, "unauthenticated")
            {
                Reason = detail,
            });
        }
        var kind = Problems.Unauthenticated;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Type = kind.Type, Title = kind.Title, Status = kind.Status, Detail = detail },
        });
    }

    private AuthenticateResult Success(System.Security.Claims.ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    private AuthenticateResult Fail(string message)
    {
        Context.Items[FailureItem] = message;
        return AuthenticateResult.Fail(message);
    }
}
