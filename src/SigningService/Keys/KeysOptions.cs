namespace SigningService.Keys;

public sealed class KeysOptions
{
    public const string Section = "Keys";

    /// <summary>Key used when a request names none. Must be a configured key (or the development key).</summary>
    public string? Default { get; set; }

    /// <summary>Configured keys by name.</summary>
    public Dictionary<string, FileKeyOptions> Files { get; set; } = new(StringComparer.Ordinal);

    public DevelopmentKeyOptions DevelopmentKey { get; set; } = new();
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
