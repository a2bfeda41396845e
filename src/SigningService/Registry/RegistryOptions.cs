namespace SigningService.Registry;

/// <summary>Configuration section "Registries": per-host credentials and trust, secrets by file path only.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registries";

    // A list, not a dictionary keyed by host: "host:port" keys would clash with the ':' configuration separator.
    public List<RegistryHostOptions> Hosts { get; set; } = [];

    /// <summary>Where private DOCKER_CONFIG folders are made; defaults to the system temp folder.</summary>
    public string? WorkDirectory { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public RegistryHostOptions? Find(string registryHost) =>
        Hosts.Find(h => string.Equals(h.Host, registryHost, StringComparison.OrdinalIgnoreCase));
}

public sealed class RegistryHostOptions
{
    /// <summary>Registry host exactly as in image references: "ghcr.io", "127.0.0.1:5000".</summary>
    public string Host { get; set; } = "";

    public string? Username { get; set; }

    /// <summary>File holding the password; read at each use so rotation needs no restart.</summary>
    public string? PasswordFile { get; set; }

    /// <summary>File holding a token; alternative to Username/PasswordFile.</summary>
    public string? TokenFile { get; set; }

    public RegistryTokenKind TokenKind { get; set; } = RegistryTokenKind.Registry;

    /// <summary>PEM bundle of the only CAs trusted for this host (private registries).</summary>
    public string? CaBundleFile { get; set; }

    /// <summary>Plain HTTP; accepted by validation only for loopback hosts (tests, local mirrors).</summary>
    public bool Insecure { get; set; }
}

public enum RegistryTokenKind
{
    /// <summary>A bearer token sent to the registry as is (docker config "registrytoken").</summary>
    Registry,

    /// <summary>An OAuth2 refresh token exchanged at the token realm (docker config "identitytoken").</summary>
    Identity,
}
