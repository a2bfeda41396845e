namespace SigningService.Auth.Access;

/// <summary>
/// The answer of the policy. <see cref="Explanation"/> names only the requirement that failed for
/// this caller (operation, key or artifact), never another principal's rules.
/// </summary>
public sealed record AccessDecision(bool Allowed, string Principal, string Explanation, string? Rule = null)
{
    public static AccessDecision Allow(string principal, string rule) => new(true, principal, $"granted by rule '{rule}'", rule);

    public static AccessDecision Deny(string principal, string explanation) => new(false, principal, explanation);
}
