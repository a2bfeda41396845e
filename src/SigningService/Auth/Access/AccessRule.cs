namespace SigningService.Auth.Access;

/// <summary>
/// One grant from <c>Auth:Policies</c>: who (an API key name, or an OIDC issuer plus claim globs)
/// may do what (operations) with which keys on which artifacts (image repository / blob name globs).
/// Empty lists grant nothing; "*" grants everything of that kind.
/// </summary>
public sealed class AccessRule
{
    public string Name { get; set; } = "";

    /// <summary>Matches the API key with this name (Auth:ApiKeys:Keys:N:Name).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Matches tokens of the OIDC issuer with this name (Auth:Oidc:Issuers:N:Name).</summary>
    public string? Issuer { get; set; }

    /// <summary>Claim name → glob; every one must match (e.g. repository = "org/*", ref = "refs/tags/v*").</summary>
    public Dictionary<string, string> Claims { get; set; } = new(StringComparer.Ordinal);

    public List<string> Operations { get; set; } = [];

    public List<string> Keys { get; set; } = [];

    /// <summary>Image repositories (registry/path, no tag or digest), e.g. "registry.example/team/*".</summary>
    public List<string> Images { get; set; } = [];

    /// <summary>Blob (uploaded file) names, e.g. "*.tar.gz".</summary>
    public List<string> Blobs { get; set; } = [];
}
