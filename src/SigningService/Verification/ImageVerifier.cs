using SigningService.Keys;
using SigningService.Registry;
using SigningService.Requests;
using SigningService.Storage;

namespace SigningService.Verification;

/// <summary>Who must have signed an image, and with what trust: validated from a body before any job exists.</summary>
public sealed record ImageVerifier(
    ImageReference Image,
    string? PublicKeyPem,
    string? KeyName,
    VerifierIdentity? CertificateIdentity,
    string? TrustedRootJson,
    bool IgnoreTlog,
    ImageReference? SignatureRepository)
{
    private const int MaxIdentityLength = 1024;

    public static ImageVerifier? TryCreate(
        string? image, IImageVerifierRequest request, KeyRegistry keys, Dictionary<string, string[]> errors, out bool unknownKey)
    {
        unknownKey = false;
        var reference = ImageFields.Image(image, "image", errors);
        var repository = ImageFields.SignatureRepository(request.SignatureRepository, reference, errors);
        var certificate = new[]
        {
            ("certificateIdentity", request.CertificateIdentity), ("certificateIdentityRegexp", request.CertificateIdentityRegexp),
            ("certificateOidcIssuer", request.CertificateOidcIssuer), ("certificateOidcIssuerRegexp", request.CertificateOidcIssuerRegexp),
        };
        foreach (var (name, value) in certificate)
        {
            if (value is not null && (value.Length == 0 || value.Length > MaxIdentityLength || value.Any(char.IsControl)))
            {
                errors[name] = [$"{name} must be 1-{MaxIdentityLength} characters without control characters."];
            }
        }
        var usesCertificate = certificate.Any(c => c.Item2 is not null);
        string? trustedRoot = null;
        if (request.TrustedRoot is { } root)
        {
            trustedRoot = root.GetRawText();
            if (!BundleInspector.IsTrustedRoot(trustedRoot))
            {
                errors["trustedRoot"] = ["trustedRoot is not a Sigstore trusted root (mediaType application/vnd.dev.sigstore.trustedroot…)."];
            }
        }
        if ((request.Key is not null ? 1 : 0) + (request.PublicKey is not null ? 1 : 0) + (usesCertificate ? 1 : 0) != 1)
        {
            errors["key"] = ["Give exactly one of key, publicKey, or certificateIdentity(+Regexp) with certificateOidcIssuer(+Regexp)."];
        }
        else if (request.PublicKey is not null && PublicKeyInfo.Algorithm(request.PublicKey) is null or "unknown")
        {
            errors["publicKey"] = ["publicKey must be a PEM public key (-----BEGIN PUBLIC KEY-----) of a supported algorithm."];
        }
        else if (usesCertificate && ((request.CertificateIdentity is null) == (request.CertificateIdentityRegexp is null)
            || (request.CertificateOidcIssuer is null) == (request.CertificateOidcIssuerRegexp is null)))
        {
            errors["certificateIdentity"] = ["Give one of certificateIdentity or certificateIdentityRegexp, and one of certificateOidcIssuer or certificateOidcIssuerRegexp."];
        }
        if (errors.Count > 0 || reference is null)
        {
            return null;
        }
        string? pem = request.PublicKey;
        if (request.Key is not null)
        {
            if (keys.Find(request.Key) is not { } key)
            {
                unknownKey = true;
                return null;
            }
            pem = key.PublicKeyPem;
        }
        var identity = usesCertificate
            ? new VerifierIdentity(null, null, request.CertificateIdentity, request.CertificateIdentityRegexp,
                request.CertificateOidcIssuer, request.CertificateOidcIssuerRegexp)
            : null;
        return new ImageVerifier(reference, pem, request.Key, identity, trustedRoot, request.IgnoreTlog ?? false, repository);
    }

    /// <summary>Writes the key and trusted root into the job's folder; returns the identity cosign gets and the root's path.</summary>
    public async Task<(VerifierIdentity Identity, string? TrustedRootPath)> MaterializeAsync(JobWorkspace workspace, CancellationToken ct)
    {
        var identity = CertificateIdentity;
        if (PublicKeyPem is not null)
        {
            var path = workspace.WorkFile("verify-key.pem");
            await PrivateFiles.WriteAllTextAsync(path, PublicKeyPem, ct);
            identity = new VerifierIdentity(path, KeyName, null, null, null, null);
        }
        string? rootPath = null;
        if (TrustedRootJson is not null)
        {
            rootPath = workspace.WorkFile("trusted-root.json");
            await PrivateFiles.WriteAllTextAsync(rootPath, TrustedRootJson, ct);
        }
        return (identity!, rootPath);
    }
}

public sealed record VerifyImageInput(
    ImageVerifier Verifier, VerifierIdentity Identity, string? TrustedRootPath, IReadOnlyDictionary<string, string> Annotations);

public sealed record VerifyAttestationInput(ImageVerifier Verifier, VerifierIdentity Identity, string? TrustedRootPath, string PredicateType);
