using System.Security.Claims;

namespace SigningService.Auth;

/// <summary>The claims the bearer handler puts on a principal, and how the rest of the service reads them.</summary>
public static class Principals
{
    public const string NameClaim = "signingservice/principal";
    public const string KindClaim = "signingservice/kind";
    public const string ApiKeyClaim = "signingservice/api-key";
    public const string IssuerClaim = "signingservice/issuer";

    /// <summary>Token claims are copied with this prefix so a token can never shadow one of ours.</summary>
    public const string TokenClaimPrefix = "jwt:";

    public const string ApiKeyKind = "api-key";
    public const string OidcKind = "oidc";
    public const string AnonymousKind = "anonymous";

    /// <summary>Shown in the audit log for requests without a valid credential.</summary>
    public const string Unauthenticated = "(unauthenticated)";

    public static string NameOf(ClaimsPrincipal? user) =>
        user?.FindFirst(NameClaim)?.Value ?? Unauthenticated;

    public static string? Kind(ClaimsPrincipal user) => user.FindFirst(KindClaim)?.Value;

    public static string? TokenClaim(ClaimsPrincipal user, string name) => user.FindFirst(TokenClaimPrefix + name)?.Value;

    public static ClaimsPrincipal ForApiKey(string keyName, string scheme) =>
        Build(scheme, "apikey:" + keyName, ApiKeyKind, [new Claim(ApiKeyClaim, keyName)]);

    public static ClaimsPrincipal ForToken(Jwt.ValidatedJwt token, string scheme) =>
        Build(scheme, $"oidc:{token.IssuerName}:{token.Subject}", OidcKind,
            [new Claim(IssuerClaim, token.IssuerName), .. token.Claims.Select(c => new Claim(TokenClaimPrefix + c.Key, c.Value))]);

    public static ClaimsPrincipal Anonymous(string scheme) => Build(scheme, "anonymous", AnonymousKind, []);

    private static ClaimsPrincipal Build(string scheme, string name, string kind, IEnumerable<Claim> claims) =>
        new(new ClaimsIdentity([new Claim(NameClaim, name), new Claim(KindClaim, kind), .. claims], scheme, NameClaim, null));
}
