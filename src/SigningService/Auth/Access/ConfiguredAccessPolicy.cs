using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace SigningService.Auth.Access;

/// <summary>
/// Default deny over the rules of <c>Auth:Policies</c>: a request is allowed when one rule matching
/// the principal grants the operation, the key and the artifact together.
/// </summary>
public sealed class ConfiguredAccessPolicy(IOptions<AuthOptions> options) : IAccessPolicy
{
    public AccessDecision Authorize(ClaimsPrincipal user, string operation, string? keyName = null, ArtifactScope? scope = null)
    {
        var principal = Principals.NameOf(user);
        if (options.Value.Mode == AuthMode.Disabled)
        {
            return AccessDecision.Allow(principal, "(authentication disabled)");
        }
        var mine = RulesOf(user).ToList();
        var withOperation = mine.Where(r => Grants(r, operation)).ToList();
        if (withOperation.Count == 0)
        {
            return AccessDecision.Deny(principal, $"No rule grants '{operation}' to {principal}.");
        }
        var withKey = keyName is null ? withOperation : withOperation.Where(r => IsAdmin(r) || Glob.AnyMatch(r.Keys, keyName)).ToList();
        if (withKey.Count == 0)
        {
            return AccessDecision.Deny(principal, $"Your grants for '{operation}' do not include key '{keyName}'.");
        }
        var granted = scope is null ? withKey.FirstOrDefault() : withKey.FirstOrDefault(r => IsAdmin(r) || Covers(r, scope));
        return granted is null
            ? AccessDecision.Deny(principal, $"Your grants for '{operation}'{(keyName is null ? "" : $" with key '{keyName}'")} do not cover {scope!.Describe()}.")
            : AccessDecision.Allow(principal, RuleName(granted));
    }

    public bool IsAdmin(ClaimsPrincipal user) =>
        options.Value.Mode == AuthMode.Disabled || RulesOf(user).Any(IsAdmin);

    private IEnumerable<AccessRule> RulesOf(ClaimsPrincipal user)
    {
        var kind = Principals.Kind(user);
        var apiKey = user.FindFirst(Principals.ApiKeyClaim)?.Value;
        var issuer = user.FindFirst(Principals.IssuerClaim)?.Value;
        foreach (var rule in options.Value.Policies)
        {
            var matches = kind switch
            {
                Principals.ApiKeyKind => string.Equals(rule.ApiKey, apiKey, StringComparison.Ordinal),
                Principals.OidcKind => string.Equals(rule.Issuer, issuer, StringComparison.Ordinal)
                    && rule.Claims.Count > 0
                    && rule.Claims.All(c => Principals.TokenClaim(user, c.Key) is { } value && Glob.IsMatch(c.Value, value)),
                _ => false,
            };
            if (matches)
            {
                yield return rule;
            }
        }
    }

    private static bool Grants(AccessRule rule, string operation) =>
        rule.Operations.Contains(operation, StringComparer.Ordinal) || IsAdmin(rule);

    private static bool IsAdmin(AccessRule rule) => rule.Operations.Contains(Operations.Admin, StringComparer.Ordinal);

    private static bool Covers(AccessRule rule, ArtifactScope scope) =>
        Glob.AnyMatch(scope.Kind == ArtifactKind.Blob ? rule.Blobs : rule.Images, scope.Name);

    private static string RuleName(AccessRule rule) => string.IsNullOrEmpty(rule.Name) ? "(unnamed)" : rule.Name;
}
