using System.Text.Json;

namespace SigningService.Auth.Jwt;

/// <summary>The claims of a token whose signature, issuer, audience and lifetime were checked.</summary>
public sealed class ValidatedJwt
{
    public required string Issuer { get; init; }

    /// <summary>The configured issuer's <see cref="OidcIssuerOptions.Name"/> (defaults to the issuer URL).</summary>
    public required string IssuerName { get; init; }

    public string? Subject { get; init; }

    public required IReadOnlyList<string> Audiences { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public required string Algorithm { get; init; }

    public required string KeyId { get; init; }

    /// <summary>Top-level string, number and boolean claims as text (numbers/booleans in their JSON form).</summary>
    public required IReadOnlyDictionary<string, string> Claims { get; init; }

    /// <summary>The whole payload (a detached clone), for array or object claims.</summary>
    public required JsonElement Payload { get; init; }

    public string? GetClaim(string name) => Claims.TryGetValue(name, out var value) ? value : null;
}
