using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Requests;
using SigningService.Signing;
using SigningService.Storage;
using SigningService.Uploads;

namespace SigningService.Attestation;

public static class AttestationApi
{
    public static RouteGroupBuilder MapAttestation(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/attest").WithTags("Attestation").ProducesJobProblems().RequireOperation(Operations.Attest);
        group.MapPost("/image", AttestImage).WithName("AttestImage")
            .WithSummary("Attach a signed in-toto attestation (SBOM, provenance, ...) to an image digest.")
            .Accepts<AttestImageRequest>("application/json");
        group.MapPost("/blob", AttestBlob).WithName("AttestBlob")
            .WithSummary("Make a signed in-toto attestation about a file; the job's result holds the bundle and the statement.")
            .Accepts<AttestBlobForm>("multipart/form-data")
            .DisableAntiforgery();
        return group;
    }

    private static async Task<JobResponse> AttestImage(HttpContext http, JsonBody body, JobSubmitter jobs, KeyRegistry keys, AccessGate access)
    {
        var request = await body.ReadAsync<AttestImageRequest>(http.Request, http.RequestAborted);
        var errors = new Dictionary<string, string[]>();
        var image = ImageFields.Image(request.Image, "image", errors);
        var repository = ImageFields.SignatureRepository(request.SignatureRepository, image, errors);
        if (!PredicateTypes.IsValid(request.PredicateType))
        {
            errors["predicateType"] = [PredicateTypes.Error];
        }
        if (!Predicates.TryCheck(request.Predicate, body.Limits.MaxPredicateBytes, out var predicate, out var predicateError))
        {
            errors["predicate"] = [predicateError];
        }
        var keyName = KeyName(request.Key, keys, errors);
        if (errors.Count > 0)
        {
            return ProblemResults.Invalid(errors);
        }
        if (keys.Find(keyName!) is null)
        {
            return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
        }
        if (access.Check(http, Operations.Attest, keyName, ArtifactScope.Image(image!.Name, image.Digest)) is { } refused)
        {
            return refused;
        }
        var workspace = jobs.Reserve(out var jobId);
        var path = workspace.WorkFile("predicate.json");
        await PrivateFiles.WriteAllTextAsync(path, predicate, http.RequestAborted);
        var input = new AttestImageInput(image!, keyName!, request.PredicateType!, path, request.Tlog ?? false, repository);
        return await jobs.SubmitAsync(http, jobId, AttestImageHandler.Name, input, workspace);
    }

    private static Task<JobResponse> AttestBlob(
        HttpContext http, UploadEndpoint uploads, JobSubmitter jobs, KeyRegistry keys, FormMaterial material, JsonBody json, AccessGate access) =>
        uploads.HandleAsync(http, AttestBlobForm.Fields, async (form, jobId, workspace) =>
        {
            var errors = new Dictionary<string, string[]>();
            var file = form.RequiredFile("file", errors);
            var predicate = await material.ReadAsync(form, "predicate", workspace.Work, http.RequestAborted);
            if (predicate is null)
            {
                errors["predicate"] = ["A predicate (JSON object, file or text) is required."];
            }
            else if (!Predicates.TryCheckFile(predicate.Path, new FileInfo(predicate.Path).Length,
                json.Limits.MaxPredicateBytes, json.Limits.MaxDepth, out var predicateError))
            {
                errors["predicate"] = [predicateError];
            }
            var predicateType = form.Field("predicateType");
            if (!PredicateTypes.IsValid(predicateType))
            {
                errors["predicateType"] = [PredicateTypes.Error];
            }
            if (!FormValues.TryParseBool(form.Field("tlog"), false, out var tlog))
            {
                errors["tlog"] = ["tlog must be true or false."];
            }
            var keyName = KeyName(form.Field("key"), keys, errors);
            if (errors.Count > 0)
            {
                return ProblemResults.Invalid(errors);
            }
            if (keys.Find(keyName!) is null)
            {
                return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
            }
            if (access.Check(http, Operations.Attest, keyName, ArtifactScope.Blob(file!.ClientFileName, file.Sha256)) is { } refused)
            {
                return refused;
            }
            var input = new AttestBlobInput(file!, predicate!.Path, predicateType!, keyName!, tlog);
            return await jobs.SubmitAsync(http, jobId, AttestBlobHandler.Name, input, workspace);
        });

    private static string? KeyName(string? requested, KeyRegistry keys, Dictionary<string, string[]> errors)
    {
        var name = requested ?? keys.DefaultKey;
        if (name is null)
        {
            errors["key"] = ["Name a key: no default key is configured."];
        }
        return name;
    }
}
