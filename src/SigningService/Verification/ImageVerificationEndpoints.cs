using SigningService.Auth.Access;
using System.Text.Json;
using SigningService.Attestation;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Requests;
using SigningService.Signing;
using SigningService.Uploads;

namespace SigningService.Verification;

internal static class ImageVerificationEndpoints
{
    private const string UnknownKeyDetail = "No configured key has this name; GET /v1/keys lists them.";

    public static async Task<JobResponse> VerifyImage(HttpContext http, JsonBody body, JobSubmitter jobs, KeyRegistry keys, AccessGate access)
    {
        var request = await body.ReadAsync<VerifyImageRequest>(http.Request, http.RequestAborted);
        var errors = new Dictionary<string, string[]>();
        if (!Annotations.TryValidate(request.Annotations, out var annotations, out var annotationError))
        {
            errors["annotations"] = [annotationError];
        }
        return await SubmitAsync(http, request.Image, request, errors, jobs, keys, access, VerifyImageHandler.Name,
            (verifier, identity, root) => new VerifyImageInput(verifier, identity, root, annotations));
    }

    public static async Task<JobResponse> VerifyAttestation(HttpContext http, JsonBody body, JobSubmitter jobs, KeyRegistry keys, AccessGate access)
    {
        var request = await body.ReadAsync<VerifyAttestationRequest>(http.Request, http.RequestAborted);
        var errors = new Dictionary<string, string[]>();
        if (!PredicateTypes.IsValid(request.PredicateType))
        {
            errors["predicateType"] = [PredicateTypes.Error];
        }
        return await SubmitAsync(http, request.Image, request, errors, jobs, keys, access, VerifyAttestationHandler.Name,
            (verifier, identity, root) => new VerifyAttestationInput(verifier, identity, root, request.PredicateType!));
    }

    /// <summary>The shared tail of the image verification endpoints: verifier, access check, workspace, job.</summary>
    private static async Task<JobResponse> SubmitAsync<TRequest>(
        HttpContext http, string? image, TRequest request, Dictionary<string, string[]> errors, JobSubmitter jobs, KeyRegistry keys,
        AccessGate access, string operation, Func<ImageVerifier, VerifierIdentity, string?, object> input)
        where TRequest : IImageVerifierRequest
    {
        var verifier = ImageVerifier.TryCreate(image, request, keys, errors, out var unknownKey);
        if (unknownKey)
        {
            return ProblemResults.Of(Problems.UnknownKey, UnknownKeyDetail);
        }
        if (verifier is null || errors.Count > 0)
        {
            return ProblemResults.Invalid(errors);
        }
        if (access.Check(http, Operations.Verify, verifier.KeyName, ArtifactScope.Image(verifier.Image.Name, verifier.Image.Digest)) is { } refused)
        {
            return refused;
        }
        var workspace = jobs.Reserve(out var jobId);
        var (identity, root) = await verifier.MaterializeAsync(workspace, http.RequestAborted);
        return await jobs.SubmitAsync(http, jobId, operation, input(verifier, identity, root), workspace);
    }

    public static Task<JobResponse> VerifyBlobAttestation(
        HttpContext http, UploadEndpoint uploads, JobSubmitter jobs, KeyRegistry keys, FormMaterial material, AccessGate access) =>
        uploads.HandleAsync(http, VerifyBlobAttestationForm.Fields, async (form, jobId, workspace) =>
        {
            var ct = http.RequestAborted;
            var errors = new Dictionary<string, string[]>();
            var file = form.RequiredFile("file", errors);
            var bundle = await material.ReadAsync(form, "bundle", workspace.Work, ct);
            BundleFacts? facts = null;
            if (bundle is null)
            {
                errors["bundle"] = ["An attestation bundle is required."];
            }
            else if (!BundleInspector.TryInspect(bundle.Text, out var inspected, out var bundleError))
            {
                errors["bundle"] = [bundleError];
            }
            else if (!HasEnvelope(bundle.Text))
            {
                errors["bundle"] = ["bundle holds no DSSE envelope: it is a signature, not an attestation."];
            }
            else
            {
                facts = inspected;
            }
            var predicateType = form.Field("predicateType");
            if (!PredicateTypes.IsValid(predicateType))
            {
                errors["predicateType"] = [PredicateTypes.Error];
            }
            var (identity, unknownKey) = await VerificationApi.ReadIdentityAsync(form, workspace, keys, material, errors, ct);
            if (unknownKey)
            {
                return ProblemResults.Of(Problems.UnknownKey, UnknownKeyDetail);
            }
            var (trustedRoot, requireTlog) = await VerificationApi.ReadTrustAsync(form, workspace, material, errors, ct);
            if (errors.Count > 0 || identity is null || facts is null)
            {
                return ProblemResults.Invalid(errors);
            }
            if (access.Check(http, Operations.Verify, identity.KeyName, ArtifactScope.Blob(file!.ClientFileName, file.Sha256)) is { } refused)
            {
                return refused;
            }
            var input = new VerifyBlobAttestationInput(file!, bundle!.Path, facts, predicateType!, identity, trustedRoot?.Path, requireTlog);
            return await jobs.SubmitAsync(http, jobId, VerifyBlobAttestationHandler.Name, input, workspace);
        });

    private static bool HasEnvelope(string bundle)
    {
        using var doc = JsonDocument.Parse(bundle, new JsonDocumentOptions { MaxDepth = 32 });
        return doc.RootElement.TryGetProperty("dsseEnvelope", out var envelope) && envelope.ValueKind == JsonValueKind.Object;
    }
}
