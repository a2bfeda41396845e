namespace SigningService.Verification;

/// <summary>The multipart form of POST /v1/verify/blob (documents the request body in OpenAPI).</summary>
public sealed class VerifyBlobForm : VerifierFormFields
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(["file", "bundle", "signature", .. Names], StringComparer.Ordinal);

    /// <summary>The file whose signature is checked.</summary>
    public IFormFile? File { get; set; }

    /// <summary>Sigstore bundle (file or text). Give this or signature.</summary>
    public IFormFile? Bundle { get; set; }

    /// <summary>Base64 signature (file or text), checked with a key.</summary>
    public string? Signature { get; set; }
}
