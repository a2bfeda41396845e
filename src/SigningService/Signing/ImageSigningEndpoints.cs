using SigningService.Auth.Access;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Requests;

namespace SigningService.Signing;

internal static class ImageSigningEndpoints
{
    public static async Task<JobResponse> SignImage(HttpContext http, JsonBody body, JobSubmitter jobs, KeyRegistry keys, AccessGate access)
    {
        var request = await body.ReadAsync<SignImageRequest>(http.Request, http.RequestAborted);
        var errors = new Dictionary<string, string[]>();
        var image = ImageFields.Image(request.Image, "image", errors);
        var profile = ImageSigningProfiles.TryCreate(request.Key, request.Annotations, request.Tlog, request.SignatureRepository,
            request.Format, request.DockerMediaTypes, image, keys, errors, out var unknownKey);
        if (unknownKey)
        {
            return ProblemResults.Of(Problems.UnknownKey, "No configured key has this name; GET /v1/keys lists them.");
        }
        if (profile is null || image is null)
        {
            return ProblemResults.Invalid(errors);
        }
        if (access.Check(http, Operations.Sign, profile.KeyName, ArtifactScope.Image(image.Name, image.Digest)) is { } refused)
        {
            return refused;
        }
        var workspace = jobs.Reserve(out var jobId);
        return await jobs.SubmitAsync(http, jobId, SignImageHandler.Name, new SignImageInput(image, profile), workspace);
    }
}
