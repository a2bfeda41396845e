using Microsoft.Extensions.Options;

namespace SigningService.Hsm;

/// <summary>Fails the start with a message naming the setting; never reads or shows a PIN.</summary>
public sealed class HsmOptionsValidator : IValidateOptions<HsmOptions>
{
    public ValidateOptionsResult Validate(string? name, HsmOptions options)
    {
        var errors = new List<string>();
        foreach (var (tokenName, token) in options.Tokens)
        {
            var at = $"Hsm:Tokens:{tokenName}";
            if (!Keys.KeysOptionsValidator.KeyName().IsMatch(tokenName))
            {
                errors.Add($"{at}: token names are 1-64 characters of a-z, 0-9, '-', '_' and '.', starting with a letter or digit.");
            }
            if (string.IsNullOrWhiteSpace(token.ModulePath))
            {
                errors.Add($"{at}:ModulePath is required (the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so).");
            }
            else if (!File.Exists(token.ModulePath))
            {
                errors.Add($"{at}:ModulePath: file '{token.ModulePath}' does not exist.");
            }
            if (string.IsNullOrEmpty(token.TokenLabel) && string.IsNullOrEmpty(token.TokenSerial))
            {
                errors.Add($"{at}: set TokenLabel or TokenSerial.");
            }
            if (string.IsNullOrEmpty(token.PinFile) == string.IsNullOrEmpty(token.PinEnvironmentVariable))
            {
                errors.Add($"{at}: set exactly one of PinFile and PinEnvironmentVariable.");
            }
            else if (token.PinFile is { Length: > 0 } file && !File.Exists(file))
            {
                errors.Add($"{at}:PinFile: file '{file}' does not exist.");
            }
            else if (token.PinEnvironmentVariable is { Length: > 0 } variable && Environment.GetEnvironmentVariable(variable) is null)
            {
                errors.Add($"{at}:PinEnvironmentVariable: environment variable '{variable}' is not set.");
            }
            if (token.MaxSessions is < 1 or > 256)
            {
                errors.Add($"{at}:MaxSessions must be between 1 and 256.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
