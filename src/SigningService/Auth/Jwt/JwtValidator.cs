using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static SigningService.Auth.Jwt.JwtFailureReason;

namespace SigningService.Auth.Jwt;

/// <summary>
/// Validates OIDC ID tokens from configured issuers (CI workload identity) with the BCL only.
/// Order matters: size and shape, then the algorithm allow-list (before any key lookup, so `none` and
/// HMAC never reach a key), then issuer, key, signature, and only then the claims.
/// </summary>
public sealed partial class JwtValidator(
    IOptions<JwtValidationOptions> options, JwksProviderRegistry issuers, TimeProvider time, ILogger<JwtValidator> logger)
{
    public async Task<JwtValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        JwtValidationResult result;
        try
        {
            result = await ValidateCoreAsync(token, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString refuses strings with unpaired surrogate escapes.
            result = Fail(Malformed, "The token contains an invalid string.");
        }
        if (!result.Succeeded)
        {
            LogRejected(logger, result.FailureReason.Value);
        }
        return result;
    }

    private async Task<JwtValidationResult> ValidateCoreAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Fail(Malformed, "The token is empty.");
        }
        if (token.Length > options.Value.MaxTokenBytes)
        {
            return Fail(TooLarge, "The token is larger than allowed.");
        }
        var header = CompactJws.TryParseHeader(token, out var firstDot, out var secondDot);
        if (header is null)
        {
            return Fail(Malformed, "The token is not a well-formed compact JWS.");
        }
        string alg, kid;
        using (var guard = new HeaderGuard(header))
        {
            var root = header.RootElement;
            if (!TryGetString(root, "alg", out alg) || !JwtAlgorithms.IsSupported(alg))
            {
                return Fail(UnsupportedAlgorithm, "The token's algorithm is not accepted (RS256, PS256, ES256, ES384 only).");
            }
            if (root.TryGetProperty("crit", out _))
            {
                return Fail(UnsupportedCriticalHeader, "The token has critical header extensions, none are supported.");
            }
            if (!TryGetString(root, "kid", out kid) || kid.Length == 0)
            {
                return Fail(UnknownKey, "The token has no key id (kid).");
            }
            var jws = CompactJws.TryParseRest(token, header, firstDot, secondDot);
            if (jws is null)
            {
                return Fail(Malformed, "The token is not a well-formed compact JWS.");
            }
            guard.Release();
            using (jws)
            {
                return await ValidateSignedAsync(jws, alg, kid, cancellationToken);
            }
        }
    }

    private async Task<JwtValidationResult> ValidateSignedAsync(CompactJws jws, string alg, string kid, CancellationToken cancellationToken)
    {
        var payload = jws.Payload.RootElement;
        if (!payload.TryGetProperty("iss", out var issElement))
        {
            return Fail(MissingClaim, "The token has no issuer (iss).");
        }
        if (issElement.ValueKind != JsonValueKind.String
            || !issuers.TryGet(issElement.GetString()!, out var issuer, out var provider))
        {
            return Fail(UnknownIssuer, "The token's issuer is not trusted.");
        }
        var candidates = await provider.FindKeysAsync(kid, cancellationToken);
        if (candidates is null)
        {
            return Fail(JwksUnavailable, "The issuer's signing keys could not be loaded.");
        }
        if (candidates.Count == 0)
        {
            return Fail(UnknownKey, "The token's key id is not in the issuer's key set.");
        }
        var key = candidates.FirstOrDefault(k => JwtAlgorithms.Fits(alg, k));
        if (key is null)
        {
            return Fail(KeyMismatch, "The token's algorithm does not fit the key it names.");
        }
        if (key.KeyType == JsonWebKeyType.Rsa && key.KeySizeBits < JwtAlgorithms.MinRsaBits)
        {
            return Fail(WeakKey, "The key the token names is too weak.");
        }
        if (!JwtAlgorithms.Verify(alg, key, jws.SigningInput, jws.Signature))
        {
            return Fail(BadSignature, "The token's signature is not valid.");
        }
        return JwtClaimsValidator.Validate(payload, issuer, alg, kid, time.GetUtcNow());
    }

    internal static bool TryGetString(JsonElement obj, string name, out string value)
    {
        value = "";
        if (obj.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            value = element.GetString()!;
            return true;
        }
        return false;
    }

    internal static JwtValidationResult Fail(JwtFailureReason reason, string message) => JwtValidationResult.Fail(reason, message);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Debug, Message = "JWT rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, JwtFailureReason reason);

    /// <summary>Disposes the header document unless ownership moved to a <see cref="CompactJws"/>.</summary>
    private sealed class HeaderGuard(JsonDocument header) : IDisposable
    {
        private JsonDocument? _header = header;

        public void Release() => _header = null;

        public void Dispose() => _header?.Dispose();
    }
}
