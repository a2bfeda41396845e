namespace SigningService.Auth.Jwt;

/// <summary>Bound from <c>Auth:Oidc</c>. No issuers means OIDC tokens are never accepted.</summary>
public sealed class JwtValidationOptions
{
    public const string SectionName = "Auth:Oidc";

    public List<OidcIssuerOptions> Issuers { get; set; } = [];

    /// <summary>Upper bound on the whole compact token, checked before anything is decoded.</summary>
    public int MaxTokenBytes { get; set; } = 16 * 1024;
}
