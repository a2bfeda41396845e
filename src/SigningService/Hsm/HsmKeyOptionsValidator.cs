using Microsoft.Extensions.Options;
using SigningService.Cryptoki.Uri;
using SigningService.Keys;

namespace SigningService.Hsm;

/// <summary>Checks "Keys:Hsm": each key names a configured token and a PKCS#11 URI that selects one key.</summary>
public sealed class HsmKeyOptionsValidator(IOptions<HsmOptions> hsm) : IValidateOptions<KeysOptions>
{
    public ValidateOptionsResult Validate(string? name, KeysOptions options)
    {
        var errors = new List<string>();
        foreach (var (keyName, key) in options.Hsm)
        {
            var at = $"Keys:Hsm:{keyName}";
            if (!hsm.Value.Tokens.TryGetValue(key.Token ?? string.Empty, out var token))
            {
                errors.Add($"{at}:Token names '{key.Token}', which is not configured under Hsm:Tokens.");
            }
            if (!Pkcs11Uri.TryParse(key.Uri ?? string.Empty, out var uri, out var error))
            {
                errors.Add($"{at}:Uri is not a valid PKCS#11 URI: {error}");
                continue;
            }
            if (uri.Object is null && uri.Id is null)
            {
                errors.Add($"{at}:Uri must select the key with object= and/or id=.");
            }
            if (uri.Type is { } type && type is not ("private" or "public"))
            {
                errors.Add($"{at}:Uri type={type} is not a key; leave type out or use private.");
            }
            if (token?.TokenLabel is { Length: > 0 } label && uri.Token is { } uriToken && uriToken != label)
            {
                errors.Add($"{at}:Uri names token '{uriToken}' but Hsm:Tokens:{key.Token}:TokenLabel is '{label}'.");
            }
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
