using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Registry;
using SigningService.Requests;
using SigningService.Uploads;

namespace SigningService.Signing.BuildReports;

internal static class BuildReportEndpoint
{
    public static Task<JobResponse> SignBuildReport(
        HttpContext http, UploadEndpoint uploads, JobSubmitter jobs, KeyRegistry keys, FormMaterial material, JsonBody json, AccessGate access) =>
        uploads.HandleAsync(http, SignBuildReportForm.Fields, async (form, jobId, workspace) =>
        {
            var errors = new Dictionary<string, string[]>();
            var text = await material.ReadAsync(form, "report", workspace.Work, http.RequestAborted);
            BuildReport? report = null;
            if (text is null)
            {
                errors["report"] = ["A report (the exporter's report.toml, file or text) is required."];
            }
            else if (!BuildReportParser.TryParse(text.Text, out report, out var reportError))
            {
                errors["report"] = [reportError];
            }
            var images = report is null ? [] : Images(report, json.Limits.MaxReportImages, errors);

            if (!Annotations.TryParse(form.Field("annotations"), out var annotations, out var annotationError))
            {
                errors["annotations"] = [annotationError];
            }
            if (!FormValues.TryParseBool(form.Field("tlog"), false, out var tlog))
            {
                errors["tlog"] = ["tlog must be true or false."];
            }
            if (!FormValues.TryParseBool(form.Field("dockerMediaTypes"), false, out var dockerMediaTypes))
            {
                errors["dockerMediaTypes"] = ["dockerMediaTypes must be true or false."];
            }
            var profile = ImageSigningProfiles.TryCreate(form.Field("key"), annotations, tlog, form.Field("signatureRepository"),
                form.Field("format"), dockerMediaTypes, images.FirstOrDefault(), keys, errors, out var unknownKey);
            if (unknownKey)
            {
                return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
            }
            if (profile?.SignatureRepository is { } repository
                && images.Any(i => !string.Equals(i.Registry, repository.Registry, StringComparison.OrdinalIgnoreCase)))
            {
                errors["signatureRepository"] = ["signatureRepository must be on the registry of every image in the report."];
            }
            if (errors.Count > 0 || profile is null)
            {
                return ProblemResults.Invalid(errors);
            }
            // Every image of the report must be in the caller's scope: one outside it refuses the whole report.
            foreach (var image in images)
            {
                if (access.Check(http, Operations.Sign, profile.KeyName, ArtifactScope.Image(image.Name, report!.Digest)) is { } refused)
                {
                    return refused;
                }
            }
            return await jobs.SubmitAsync(http, jobId, SignBuildReportHandler.Name,
                new SignBuildReportInput(images, report!.Digest, report, profile), workspace);
        });

    private static List<ImageReference> Images(BuildReport report, int max, Dictionary<string, string[]> errors)
    {
        if (!ImageReference.IsValidDigest(report.Digest, out var digestError))
        {
            errors["report"] = ["report.toml digest: " + digestError];
            return [];
        }
        if (report.Tags.Count == 0 || report.Tags.Count > max)
        {
            errors["report"] = [$"report.toml must list 1-{max} image tags."];
            return [];
        }
        var images = new List<ImageReference>();
        foreach (var tag in report.Tags.Distinct(StringComparer.Ordinal))
        {
            if (!ImageReference.TryParse(tag, out var image, out var error))
            {
                errors["report"] = [$"report.toml tag #{images.Count + 1}: {error}"];
                return [];
            }
            images.Add(image);
        }
        return images;
    }
}
