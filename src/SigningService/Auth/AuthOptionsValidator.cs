using Microsoft.Extensions.Options;
using SigningService.Auth.Access;

namespace SigningService.Auth;

internal sealed class AuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var errors = new List<string>();
        if (options.Mode == AuthMode.Disabled && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            errors.Add($"Auth:Mode=Disabled is only allowed in the Development or Testing environment (this is '{environment.EnvironmentName}').");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Policies.Count; i++)
        {
            var rule = options.Policies[i];
            var prefix = $"Auth:Policies:{i}";
            if (!string.IsNullOrEmpty(rule.Name) && !names.Add(rule.Name))
            {
                errors.Add($"{prefix}:Name '{rule.Name}' is used twice.");
            }
            if (string.IsNullOrEmpty(rule.ApiKey) == string.IsNullOrEmpty(rule.Issuer))
            {
                errors.Add($"{prefix}: set exactly one of ApiKey (an Auth:ApiKeys name) and Issuer (an Auth:Oidc issuer name).");
            }
            if (!string.IsNullOrEmpty(rule.ApiKey) && rule.Claims.Count > 0)
            {
                errors.Add($"{prefix}:Claims only apply to OIDC rules.");
            }
            if (!string.IsNullOrEmpty(rule.Issuer) && rule.Claims.Count == 0)
            {
                errors.Add($"{prefix}:Claims must constrain OIDC principals (e.g. repository); an issuer alone matches every workload it serves.");
            }
            foreach (var operation in rule.Operations.Where(o => !Operations.All.Contains(o)))
            {
                errors.Add($"{prefix}:Operations has unknown operation '{operation}' (known: {string.Join(", ", Operations.All)}).");
            }
            foreach (var pattern in rule.Keys.Concat(rule.Images).Concat(rule.Blobs).Concat(rule.Claims.Values))
            {
                if (!Glob.IsValid(pattern))
                {
                    errors.Add($"{prefix}: pattern '{pattern}' is empty or has control characters.");
                }
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
