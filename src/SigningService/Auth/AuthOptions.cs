using SigningService.Auth.Access;

namespace SigningService.Auth;

/// <summary>Bound from <c>Auth</c> (the API keys and OIDC issuers have their own subsections).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public AuthMode Mode { get; set; } = AuthMode.Enforced;

    /// <summary>Grants; nothing is allowed that no rule grants.</summary>
    public List<AccessRule> Policies { get; set; } = [];
}
