using Microsoft.Extensions.Options;

namespace SigningService.Auth.ApiKeys;

internal sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var hashes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var prefix = $"{ApiKeyOptions.SectionName}:Keys:{i}";
            var entry = options.Keys[i];
            if (string.IsNullOrWhiteSpace(entry.Name) || entry.Name.Any(char.IsControl))
            {
                errors.Add($"{prefix}:Name must be a non-empty name without control characters.");
            }
            else if (!names.Add(entry.Name))
            {
                errors.Add($"{prefix}:Name '{entry.Name}' is configured twice.");
            }
            if (!ApiKeyHasher.IsSha256Hex(entry.Sha256))
            {
                errors.Add($"{prefix}:Sha256 must be 64 hex characters (the SHA-256 of the key, not the key itself).");
            }
            else if (!hashes.Add(entry.Sha256))
            {
                errors.Add($"{prefix}:Sha256 is the same as another key's.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
