using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Signing;
using SigningService.Storage;
using SigningService.Uploads;

namespace SigningService.Verification;

public static class VerificationApi
{
    private const int MaxIdentityLength = 1024;

    public static RouteGroupBuilder MapVerification(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/verify").WithTags("Verification").ProducesJobProblems().RequireOperation(Operations.Verify);
        group.MapPost("/blob", VerifyBlob).WithName("VerifyBlob")
            .WithSummary("Verify a file's bundle or signature; the job's result says verified true or false, and why.")
            .Accepts<VerifyBlobForm>("multipart/form-data")
            .DisableAntiforgery();
        group.MapPost("/image", ImageVerificationEndpoints.VerifyImage).WithName("VerifyImage")
            .WithSummary("Verify an image's signatures; the result says verified true or false, why, and the verified payloads.")
            .Accepts<VerifyImageRequest>("application/json");
        group.MapPost("/attestation", ImageVerificationEndpoints.VerifyAttestation).WithName("VerifyAttestation")
            .WithSummary("Verify an image's attestations of one predicate type; the result holds the verified in-toto statements.")
            .Accepts<VerifyAttestationRequest>("application/json");
        group.MapPost("/blob-attestation", ImageVerificationEndpoints.VerifyBlobAttestation).WithName("VerifyBlobAttestation")
            .WithSummary("Verify a file's attestation bundle; the result holds the verified in-toto statement.")
            .Accepts<VerifyBlobAttestationForm>("multipart/form-data")
            .DisableAntiforgery();
        return group;
    }

    private static Task<JobResponse> VerifyBlob(
        HttpContext http, UploadEndpoint uploads, JobSubmitter jobs, KeyRegistry keys, FormMaterial material, AccessGate access) =>
        uploads.HandleAsync(http, VerifyBlobForm.Fields, async (form, jobId, workspace) =>
        {
            var ct = http.RequestAborted;
            var errors = new Dictionary<string, string[]>();
            var file = form.RequiredFile("file", errors);

            var bundle = await material.ReadAsync(form, "bundle", workspace.Work, ct);
            var signature = await material.ReadAsync(form, "signature", workspace.Work, ct);
            BundleFacts? facts = null;
            if ((bundle is null) == (signature is null))
            {
                errors["bundle"] = ["Give exactly one of bundle or signature."];
            }
            else if (bundle is not null)
            {
                if (BundleInspector.TryInspect(bundle.Text, out var inspected, out var bundleError))
                {
                    facts = inspected;
                }
                else
                {
                    errors["bundle"] = [bundleError];
                }
            }
            else if (!IsBase64Signature(signature!.Text))
            {
                errors["signature"] = ["signature must be base64 (at most 16 KiB)."];
            }

            var (identity, unknownKey) = await ReadIdentityAsync(form, workspace, keys, material, errors, ct);
            if (unknownKey)
            {
                return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
            }
            if (signature is not null && identity is { PublicKeyPath: null })
            {
                errors["signature"] = ["A bare signature is checked with key or publicKey; certificate identities need a bundle."];
            }

            var (trustedRoot, requireTlog) = await ReadTrustAsync(form, workspace, material, errors, ct);
            if (errors.Count > 0 || identity is null)
            {
                return ProblemResults.Invalid(errors);
            }

            if (access.Check(http, Operations.Verify, identity.KeyName, ArtifactScope.Blob(file!.ClientFileName, file.Sha256)) is { } refused)
            {
                return refused;
            }
            var input = new VerifyBlobInput(file!, bundle?.Path, facts, signature?.Path, identity, trustedRoot?.Path, requireTlog);
            return await jobs.SubmitAsync(http, jobId, VerifyBlobHandler.Name, input, workspace);
        });

    /// <summary>The trust fields every multipart verification form shares: an optional trusted root and requireTlog.</summary>
    internal static async Task<(FormMaterial.Material? TrustedRoot, bool RequireTlog)> ReadTrustAsync(
        UploadedForm form, JobWorkspace workspace, FormMaterial material, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var trustedRoot = await material.ReadAsync(form, "trustedRoot", workspace.Work, ct);
        if (trustedRoot is not null && !BundleInspector.IsTrustedRoot(trustedRoot.Text))
        {
            errors["trustedRoot"] = ["trustedRoot is not a Sigstore trusted root (mediaType application/vnd.dev.sigstore.trustedroot…)."];
        }
        if (!FormValues.TryParseBool(form.Field("requireTlog"), false, out var requireTlog))
        {
            errors["requireTlog"] = ["requireTlog must be true or false."];
        }
        return (trustedRoot, requireTlog);
    }

    internal static async Task<(VerifierIdentity? Identity, bool UnknownKey)> ReadIdentityAsync(
        UploadedForm form, JobWorkspace workspace, KeyRegistry keys, FormMaterial material,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var keyName = form.Field("key");
        var publicKey = await material.ReadAsync(form, "publicKey", workspace.Work, ct);
        var certIdentity = Identity(form, "certificateIdentity", errors);
        var certIdentityRegexp = Identity(form, "certificateIdentityRegexp", errors);
        var issuer = Identity(form, "certificateOidcIssuer", errors);
        var issuerRegexp = Identity(form, "certificateOidcIssuerRegexp", errors);
        var usesCertificate = certIdentity is not null || certIdentityRegexp is not null || issuer is not null || issuerRegexp is not null;

        if ((keyName is not null ? 1 : 0) + (publicKey is not null ? 1 : 0) + (usesCertificate ? 1 : 0) != 1)
        {
            errors["key"] = ["Give exactly one of key, publicKey, or certificateIdentity(+Regexp) with certificateOidcIssuer(+Regexp)."];
            return (null, false);
        }
        if (keyName is not null)
        {
            if (keys.Find(keyName) is not { } key)
            {
                return (null, true);
            }
            var path = workspace.WorkFile("verify-key.pem");
            await PrivateFiles.WriteAllTextAsync(path, key.PublicKeyPem, ct);
            return (new VerifierIdentity(path, key.Name, null, null, null, null), false);
        }
        if (publicKey is not null)
        {
            if (PublicKeyInfo.Algorithm(publicKey.Text) is null or "unknown")
            {
                errors["publicKey"] = ["publicKey must be a PEM public key (-----BEGIN PUBLIC KEY-----) of a supported algorithm."];
                return (null, false);
            }
            return (new VerifierIdentity(publicKey.Path, null, null, null, null, null), false);
        }
        if ((certIdentity is null) == (certIdentityRegexp is null) || (issuer is null) == (issuerRegexp is null))
        {
            errors["certificateIdentity"] = ["Give one of certificateIdentity or certificateIdentityRegexp, and one of certificateOidcIssuer or certificateOidcIssuerRegexp."];
            return (null, false);
        }
        return (new VerifierIdentity(null, null, certIdentity, certIdentityRegexp, issuer, issuerRegexp), false);
    }

    private static string? Identity(UploadedForm form, string name, Dictionary<string, string[]> errors)
    {
        var value = form.Field(name);
        if (value is not null && (value.Length == 0 || value.Length > MaxIdentityLength || value.Any(char.IsControl)))
        {
            errors[name] = [$"{name} must be 1-{MaxIdentityLength} characters without control characters."];
            return null;
        }
        return value;
    }

    internal static bool IsBase64Signature(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length is > 0 and <= 16384 && Convert.TryFromBase64String(trimmed, new byte[trimmed.Length], out _);
    }
}
