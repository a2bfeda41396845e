using System.ComponentModel.DataAnnotations;

namespace SigningService.Cosign;

public sealed class CosignOptions
{
    public const string Section = "Cosign";

    /// <summary>The cosign executable: an absolute path, or a name looked up on the service's PATH.</summary>
    [Required]
    public string Path { get; set; } = "cosign";

    /// <summary>Longest a single cosign run may take before its process tree is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Variables copied from the service's environment into cosign's (proxies, CA bundles).</summary>
    public List<string> PassEnvironment { get; set; } = ["HTTPS_PROXY", "HTTP_PROXY", "NO_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR"];

    /// <summary>Characters of cosign's stdout and stderr kept per run.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxOutputChars { get; set; } = 4 * 1024 * 1024;

    /// <summary>Signing config (Rekor, TSA) used when a request asks for tlog=true; cosign's TUF default when unset.</summary>
    public string? TlogSigningConfig { get; set; }
}
