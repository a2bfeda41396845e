using System.Text.Json;

namespace SigningService.Verification;

/// <summary>The verifier members shared by the image verification bodies.</summary>
public interface IImageVerifierRequest
{
    string? Key { get; }
    string? PublicKey { get; }
    string? CertificateIdentity { get; }
    string? CertificateIdentityRegexp { get; }
    string? CertificateOidcIssuer { get; }
    string? CertificateOidcIssuerRegexp { get; }
    JsonElement? TrustedRoot { get; }
    bool? IgnoreTlog { get; }
    string? SignatureRepository { get; }
}

/// <summary>Body of POST /v1/verify/image.</summary>
public sealed record VerifyImageRequest(
    string? Image,
    string? Key,
    string? PublicKey,
    string? CertificateIdentity,
    string? CertificateIdentityRegexp,
    string? CertificateOidcIssuer,
    string? CertificateOidcIssuerRegexp,
    Dictionary<string, string>? Annotations,
    bool? IgnoreTlog,
    JsonElement? TrustedRoot,
    string? SignatureRepository) : IImageVerifierRequest;

/// <summary>Body of POST /v1/verify/attestation.</summary>
public sealed record VerifyAttestationRequest(
    string? Image,
    string? PredicateType,
    string? Key,
    string? PublicKey,
    string? CertificateIdentity,
    string? CertificateIdentityRegexp,
    string? CertificateOidcIssuer,
    string? CertificateOidcIssuerRegexp,
    bool? IgnoreTlog,
    JsonElement? TrustedRoot,
    string? SignatureRepository) : IImageVerifierRequest;
