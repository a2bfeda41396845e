using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SigningService.Keys;

/// <summary>Fails the start with a message naming the setting when key configuration is wrong.</summary>
public sealed partial class KeysOptionsValidator : IValidateOptions<KeysOptions>
{
    public ValidateOptionsResult Validate(string? name, KeysOptions options)
    {
        var errors = new List<string>();
        foreach (var (keyName, key) in options.Files)
        {
            if (!KeyName().IsMatch(keyName))
            {
                errors.Add($"Keys:Files:{keyName}: key names are 1-64 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit.");
            }
            if (!File.Exists(key.PrivateKey))
            {
                errors.Add($"Keys:Files:{keyName}:PrivateKey: file '{key.PrivateKey}' does not exist.");
            }
            var publicKey = FileSigningKey.PublicKeyPath(key);
            if (!File.Exists(publicKey))
            {
                errors.Add($"Keys:Files:{keyName}:PublicKey: file '{publicKey}' does not exist.");
            }
            if (!File.Exists(key.PasswordFile))
            {
                errors.Add($"Keys:Files:{keyName}:PasswordFile: file '{key.PasswordFile}' does not exist.");
            }
        }
        foreach (var keyName in options.Hsm.Keys)
        {
            if (!KeyName().IsMatch(keyName))
            {
                errors.Add($"Keys:Hsm:{keyName}: key names are 1-64 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit.");
            }
            if (options.Files.ContainsKey(keyName))
            {
                errors.Add($"Keys:Hsm:{keyName}: a file key has the same name.");
            }
        }
        if (options.DevelopmentKey.Enabled && !KeyName().IsMatch(options.DevelopmentKey.Name))
        {
            errors.Add("Keys:DevelopmentKey:Name is not a valid key name.");
        }
        var known = options.Files.Keys.Concat(options.Hsm.Keys).Concat(options.DevelopmentKey.Enabled ? [options.DevelopmentKey.Name] : []);
        if (options.Default is { } def && !known.Contains(def, StringComparer.Ordinal))
        {
            errors.Add($"Keys:Default names '{def}', which is not a configured key.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    public static partial Regex KeyName();
}
