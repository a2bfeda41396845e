using Microsoft.Extensions.Options;

namespace SigningService.Auth.Jwt;

/// <summary>Fails the start with messages that name the offending setting.</summary>
internal sealed class JwtValidationOptionsValidator : IValidateOptions<JwtValidationOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, JwtValidationOptions options)
    {
        var errors = new List<string>();
        if (options.MaxTokenBytes is < 512 or > 1024 * 1024)
        {
            errors.Add($"{JwtValidationOptions.SectionName}:MaxTokenBytes must be between 512 and 1048576.");
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Issuers.Count; i++)
        {
            var prefix = $"{JwtValidationOptions.SectionName}:Issuers:{i}";
            var issuer = options.Issuers[i];
            ValidateIssuer(prefix, issuer, errors);
            if (!string.IsNullOrEmpty(issuer.Issuer) && !seen.Add(issuer.Issuer))
            {
                errors.Add($"{prefix}:Issuer is configured twice.");
            }
            if (!string.IsNullOrEmpty(issuer.Issuer) && !names.Add(issuer.EffectiveName))
            {
                errors.Add($"{prefix}:Name is used by another issuer.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateIssuer(string prefix, OidcIssuerOptions issuer, List<string> errors)
    {
        if (!Uri.TryCreate(issuer.Issuer, UriKind.Absolute, out _))
        {
            errors.Add($"{prefix}:Issuer must be an absolute URI.");
        }
        if (issuer.EffectiveAudiences.Count == 0)
        {
            errors.Add($"{prefix}:Audience or Audiences must name at least one audience.");
        }
        if ((issuer.JwksUri is null) == string.IsNullOrWhiteSpace(issuer.JwksFile))
        {
            errors.Add($"{prefix}: exactly one of JwksUri and JwksFile must be set.");
        }
        if (issuer.JwksUri is { } uri && !IsAllowedJwksUri(uri))
        {
            errors.Add($"{prefix}:JwksUri must be an absolute https URI (http only for loopback hosts).");
        }
        if (issuer.ClockSkew < TimeSpan.Zero || issuer.ClockSkew > MaxClockSkew)
        {
            errors.Add($"{prefix}:ClockSkew must be between 0 and 5 minutes.");
        }
        if (issuer.JwksCacheLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:JwksCacheLifetime must be positive.");
        }
        if (issuer.JwksMinRefreshInterval < TimeSpan.Zero)
        {
            errors.Add($"{prefix}:JwksMinRefreshInterval must not be negative.");
        }
        if (issuer.JwksFetchTimeout <= TimeSpan.Zero || issuer.JwksFetchTimeout > TimeSpan.FromMinutes(2))
        {
            errors.Add($"{prefix}:JwksFetchTimeout must be between 0 and 2 minutes.");
        }
        if (issuer.JwksMaxBytes is < 1024 or > 4 * 1024 * 1024)
        {
            errors.Add($"{prefix}:JwksMaxBytes must be between 1024 and 4194304.");
        }
    }

    internal static bool IsAllowedJwksUri(Uri uri) =>
        uri.IsAbsoluteUri
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));
}
