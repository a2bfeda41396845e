namespace SigningService.Auth.Jwt;

/// <summary>One trusted token issuer, e.g. GitHub Actions (`https://token.actions.githubusercontent.com`).</summary>
public sealed class OidcIssuerOptions
{
    /// <summary>Short name used by authorization rules and logs; defaults to <see cref="Issuer"/>.</summary>
    public string? Name { get; set; }

    /// <summary>The exact `iss` value (no normalization: a trailing slash matters).</summary>
    public string Issuer { get; set; } = "";

    /// <summary>A single accepted audience; merged with <see cref="Audiences"/>.</summary>
    public string? Audience { get; set; }

    public List<string> Audiences { get; set; } = [];

    /// <summary>JWKS document URL (https; plain http only for loopback hosts). Exactly one of this and <see cref="JwksFile"/>.</summary>
    public Uri? JwksUri { get; set; }

    /// <summary>Path of a JWKS JSON file, for issuers whose keys are distributed out of band.</summary>
    public string? JwksFile { get; set; }

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long fetched keys are used before they are fetched again.</summary>
    public TimeSpan JwksCacheLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Minimum time between two fetches, whatever triggers them (unknown `kid`, expiry, failures).</summary>
    public TimeSpan JwksMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public int JwksMaxBytes { get; set; } = 256 * 1024;

    internal string EffectiveName => string.IsNullOrWhiteSpace(Name) ? Issuer : Name;

    internal IReadOnlyList<string> EffectiveAudiences =>
        [.. (Audience is null ? Audiences : Audiences.Append(Audience)).Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal)];
}
