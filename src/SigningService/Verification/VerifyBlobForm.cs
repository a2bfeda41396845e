namespace SigningService.Verification;

/// <summary>The multipart form of POST /v1/verify/blob (documents the request body in OpenAPI).</summary>
public sealed class VerifyBlobForm
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "file", "bundle", "signature", "key", "publicKey", "certificateIdentity", "certificateIdentityRegexp",
        "certificateOidcIssuer", "certificateOidcIssuerRegexp", "trustedRoot", "requireTlog",
    };

    /// <summary>The file whose signature is checked.</summary>
    public IFormFile? File { get; set; }

    /// <summary>Sigstore bundle (file or text). Give this or signature.</summary>
    public IFormFile? Bundle { get; set; }

    /// <summary>Base64 signature (file or text), checked with a key.</summary>
    public string? Signature { get; set; }

    /// <summary>Name of a configured key.</summary>
    public string? Key { get; set; }

    /// <summary>A public key (SPKI PEM, file or text).</summary>
    public IFormFile? PublicKey { get; set; }

    public string? CertificateIdentity { get; set; }
    public string? CertificateIdentityRegexp { get; set; }
    public string? CertificateOidcIssuer { get; set; }
    public string? CertificateOidcIssuerRegexp { get; set; }

    /// <summary>Sigstore trusted root JSON (file or text) for offline verification.</summary>
    public IFormFile? TrustedRoot { get; set; }

    /// <summary>Refuse material without a transparency-log entry (default false).</summary>
    public bool? RequireTlog { get; set; }
}
