using SigningService.Uploads;

namespace SigningService.Verification;

/// <summary>The multipart form of POST /v1/verify/blob-attestation (documents the request body in OpenAPI).</summary>
public sealed class VerifyBlobAttestationForm : VerifierFormFields
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(["file", "bundle", "predicateType", .. Names], StringComparer.Ordinal);

    /// <summary>The file the attestation is about.</summary>
    public IFormFile? File { get; set; }

    /// <summary>Sigstore bundle holding a DSSE envelope (from attest-blob), file or text.</summary>
    public IFormFile? Bundle { get; set; }

    /// <summary>Expected predicate type: a cosign name or an absolute URI.</summary>
    public string? PredicateType { get; set; }
}

public sealed record VerifyBlobAttestationInput(
    UploadedFile File, string BundlePath, BundleFacts Bundle, string PredicateType, VerifierIdentity Identity, string? TrustedRootPath, bool RequireTlog);
