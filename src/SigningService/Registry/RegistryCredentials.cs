using System.Text;

namespace SigningService.Registry;

/// <summary>Secrets for one registry host, read from their files just before use. Never log or format this.</summary>
public sealed class RegistryCredentials
{
    private RegistryCredentials(string? username, string? password, string? token, RegistryTokenKind tokenKind)
    {
        Username = username;
        Password = password;
        Token = token;
        TokenKind = tokenKind;
    }

    public static RegistryCredentials Anonymous { get; } = new(null, null, null, RegistryTokenKind.Registry);

    public string? Username { get; }

    public string? Password { get; }

    public string? Token { get; }

    public RegistryTokenKind TokenKind { get; }

    public bool HasBasic => Username is not null && Password is not null;

    public bool HasToken => Token is not null;

    public string BasicValue() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Username}:{Password}"));

    // Guard against accidental interpolation into logs or exception messages.
    public override string ToString() => HasBasic ? $"basic({Username})" : HasToken ? "token" : "anonymous";

    public static async Task<RegistryCredentials> ReadAsync(RegistryHostOptions? host, CancellationToken ct)
    {
        if (host is null)
        {
            return Anonymous;
        }
        if (!string.IsNullOrEmpty(host.TokenFile))
        {
            return new(null, null, await ReadSecretAsync(host.TokenFile, "TokenFile", ct), host.TokenKind);
        }
        if (!string.IsNullOrEmpty(host.Username) && !string.IsNullOrEmpty(host.PasswordFile))
        {
            return new(host.Username, await ReadSecretAsync(host.PasswordFile, "PasswordFile", ct), null, host.TokenKind);
        }
        return Anonymous;
    }

    private static async Task<string> ReadSecretAsync(string path, string setting, CancellationToken ct)
    {
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, ct);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The path is configuration, not a secret; the content never appears here.
            throw new RegistryConfigurationException($"cannot read registry {setting} '{path}': {e.GetType().Name}", e);
        }
        // Secret files usually end with a newline (echo, Kubernetes secrets); it is not part of the secret.
        var secret = text.TrimEnd('\r', '\n');
        if (secret.Length == 0)
        {
            throw new RegistryConfigurationException($"registry {setting} '{path}' is empty");
        }
        return secret;
    }
}
