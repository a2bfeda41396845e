using System.Text.Json;
using static SigningService.Auth.Jwt.JwtFailureReason;

namespace SigningService.Auth.Jwt;

/// <summary>Registered-claim checks (RFC 7519 §4.1) on a payload whose signature was already verified.</summary>
internal static class JwtClaimsValidator
{
    // 9999-12-31T23:59:59Z: the largest NumericDate a DateTimeOffset can hold.
    private const double MaxNumericDate = 253402300799;

    public static JwtValidationResult Validate(JsonElement payload, OidcIssuerOptions issuer, string alg, string kid, DateTimeOffset now)
    {
        var skew = issuer.ClockSkew;
        if (!payload.TryGetProperty("exp", out _))
        {
            return JwtValidator.Fail(MissingClaim, "The token has no expiry (exp).");
        }
        if (!TryGetDate(payload, "exp", out var exp) || !TryGetDate(payload, "nbf", out var nbf) || !TryGetDate(payload, "iat", out var iat))
        {
            return JwtValidator.Fail(Malformed, "A time claim of the token is not a valid NumericDate.");
        }
        if (now >= exp!.Value + skew)
        {
            return JwtValidator.Fail(Expired, "The token has expired.");
        }
        if (nbf is { } notBefore && now + skew < notBefore)
        {
            return JwtValidator.Fail(NotYetValid, "The token is not valid yet.");
        }
        if (iat is { } issuedAt && issuedAt > now + skew)
        {
            return JwtValidator.Fail(IssuedInFuture, "The token was issued in the future.");
        }
        if (!TryGetAudiences(payload, out var audiences))
        {
            return JwtValidator.Fail(Malformed, "The token's audience (aud) must be a string or an array of strings.");
        }
        var accepted = issuer.EffectiveAudiences;
        if (!audiences.Any(a => accepted.Contains(a, StringComparer.Ordinal)))
        {
            return JwtValidator.Fail(WrongAudience, "The token is not meant for this service.");
        }
        string? subject = null;
        if (payload.TryGetProperty("sub", out var sub))
        {
            if (sub.ValueKind != JsonValueKind.String)
            {
                return JwtValidator.Fail(Malformed, "The token's subject (sub) must be a string.");
            }
            subject = sub.GetString();
        }
        return JwtValidationResult.Success(new ValidatedJwt
        {
            Issuer = issuer.Issuer,
            IssuerName = issuer.EffectiveName,
            Subject = subject,
            Audiences = audiences,
            ExpiresAt = exp.Value,
            IssuedAt = iat,
            Algorithm = alg,
            KeyId = kid,
            Claims = ScalarClaims(payload),
            Payload = payload.Clone(),
        });
    }

    private static bool TryGetDate(JsonElement payload, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!payload.TryGetProperty(name, out var element))
        {
            return true;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDouble(out var seconds)
            || !double.IsFinite(seconds) || seconds < 0 || seconds > MaxNumericDate)
        {
            return false;
        }
        value = DateTimeOffset.UnixEpoch.AddSeconds(seconds);
        return true;
    }

    private static bool TryGetAudiences(JsonElement payload, out IReadOnlyList<string> audiences)
    {
        audiences = [];
        if (!payload.TryGetProperty("aud", out var aud))
        {
            return true; // no audience never matches a configured one
        }
        if (aud.ValueKind == JsonValueKind.String)
        {
            audiences = [aud.GetString()!];
            return true;
        }
        if (aud.ValueKind != JsonValueKind.Array || aud.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
        {
            return false;
        }
        audiences = [.. aud.EnumerateArray().Select(a => a.GetString()!)];
        return true;
    }

    private static Dictionary<string, string> ScalarClaims(JsonElement payload)
    {
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in payload.EnumerateObject())
        {
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    claims[property.Name] = value.GetString()!;
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False:
                    claims[property.Name] = value.GetRawText();
                    break;
            }
        }
        return claims;
    }
}
