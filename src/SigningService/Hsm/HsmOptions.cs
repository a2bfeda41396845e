namespace SigningService.Hsm;

/// <summary>PKCS#11 tokens by name ("Hsm:Tokens:{name}"); HSM keys refer to them from "Keys:Hsm".</summary>
public sealed class HsmOptions
{
    public const string Section = "Hsm";

    public Dictionary<string, HsmTokenOptions> Tokens { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>One token: the module that drives it, how to find it, where its PIN comes from.</summary>
public sealed class HsmTokenOptions
{
    public string ModulePath { get; set; } = string.Empty;

    public string? TokenLabel { get; set; }

    public string? TokenSerial { get; set; }

    /// <summary>A file holding the user PIN (read at each login; a trailing newline is ignored).</summary>
    public string? PinFile { get; set; }

    /// <summary>An environment variable holding the user PIN.</summary>
    public string? PinEnvironmentVariable { get; set; }

    /// <summary>Operation sessions kept for workers (the login session comes on top).</summary>
    public int MaxSessions { get; set; } = 4;
}
