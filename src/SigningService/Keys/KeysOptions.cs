namespace SigningService.Keys;

public sealed class KeysOptions
{
    public const string Section = "Keys";

    /// <summary>Key used when a request names none. Must be a configured key (or the development key).</summary>
    public string? Default { get; set; }

    /// <summary>Configured keys by name.</summary>
    public Dictionary<string, FileKeyOptions> Files { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keys held in a PKCS#11 token ("Keys:Hsm:{name}"); the token is configured under "Hsm:Tokens".</summary>
    public Dictionary<string, HsmKeyOptions> Hsm { get; set; } = new(StringComparer.Ordinal);

    public DevelopmentKeyOptions DevelopmentKey { get; set; } = new();
}

/// <summary>A key pair in a token: the token's name and an RFC 7512 URI whose object= / id= select the key.</summary>
public sealed class HsmKeyOptions
{
    public string Token { get; set; } = string.Empty;

    /// <summary>e.g. "pkcs11:token=release;object=release-2025;id=%01".</summary>
    public string Uri { get; set; } = string.Empty;
}

/// <summary>A cosign key pair on disk; its password lives in its own file.</summary>
public sealed class FileKeyOptions
{
    public string PrivateKey { get; set; } = string.Empty;

    /// <summary>SPKI PEM; defaults to the private key's path with ".pub" instead of ".key".</summary>
    public string? PublicKey { get; set; }

    public string PasswordFile { get; set; } = string.Empty;
}

/// <summary>A key pair generated on first run for local use; never enable it in production.</summary>
public sealed class DevelopmentKeyOptions
{
    public bool Enabled { get; set; }
    public string Name { get; set; } = "dev";
    public string Directory { get; set; } = ".dev/keys";
}
