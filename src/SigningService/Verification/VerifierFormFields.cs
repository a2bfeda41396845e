namespace SigningService.Verification;

/// <summary>The verifier fields every multipart verification form shares (documents them in OpenAPI once).</summary>
public abstract class VerifierFormFields
{
    public static readonly string[] Names =
    [
        "key", "publicKey", "certificateIdentity", "certificateIdentityRegexp",
        "certificateOidcIssuer", "certificateOidcIssuerRegexp", "trustedRoot", "requireTlog",
    ];

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
