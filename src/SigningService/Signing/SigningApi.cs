using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Uploads;

namespace SigningService.Signing;

public static class SigningApi
{
    public static RouteGroupBuilder MapSigning(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/sign").WithTags("Signing").ProducesJobProblems().RequireOperation(Operations.Sign);
        group.MapPost("/blob", SignBlob).WithName("SignBlob")
            .WithSummary("Sign a file; the job's result holds the Sigstore bundle and the signature.")
            .Accepts<SignBlobForm>("multipart/form-data")
            .DisableAntiforgery();
        group.MapPost("/image", ImageSigningEndpoints.SignImage).WithName("SignImage")
            .WithSummary("Sign an image in its registry; a tag is resolved first and the result names the signed digest.")
            .Accepts<SignImageRequest>("application/json");
        group.MapPost("/build-report", BuildReports.BuildReportEndpoint.SignBuildReport).WithName("SignBuildReport")
            .WithSummary("Sign every image a buildpacks report.toml lists, after checking each digest in the registry.")
            .Accepts<BuildReports.SignBuildReportForm>("multipart/form-data")
            .DisableAntiforgery();
        return group;
    }

    private static Task<JobResponse> SignBlob(HttpContext http, UploadEndpoint uploads, JobSubmitter jobs, KeyRegistry keys, AccessGate access) =>
        uploads.HandleAsync(http, SignBlobForm.Fields, async (form, jobId, workspace) =>
        {
            var errors = new Dictionary<string, string[]>();
            var file = form.RequiredFile("file", errors);
            if (!FormValues.TryParseBool(form.Field("tlog"), false, out var tlog))
            {
                errors["tlog"] = ["tlog must be true or false."];
            }
            if (!Annotations.TryParse(form.Field("annotations"), out var annotations, out var annotationError))
            {
                errors["annotations"] = [annotationError];
            }
            var keyName = form.Field("key") ?? keys.DefaultKey;
            if (keyName is null)
            {
                errors["key"] = ["Name a key: no default key is configured."];
            }
            if (errors.Count > 0)
            {
                return ProblemResults.Invalid(errors);
            }
            // Access before existence: a caller learns nothing about keys it may not use.
            if (access.Check(http, Operations.Sign, keyName, ArtifactScope.Blob(file!.ClientFileName, file.Sha256)) is { } refused)
            {
                return refused;
            }
            if (keys.Find(keyName!) is null)
            {
                return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
            }
            return await jobs.SubmitAsync(http, jobId, SignBlobHandler.Name, new SignBlobInput(file!, keyName!, tlog, annotations), workspace);
        });
}
