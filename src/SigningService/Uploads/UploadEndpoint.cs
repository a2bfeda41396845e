using Microsoft.Extensions.Options;
using SigningService.Jobs;
using SigningService.Storage;

namespace SigningService.Uploads;

/// <summary>
/// The shared shape of every multipart endpoint: read the form into a fresh private workspace, let
/// the endpoint validate and submit, and delete the workspace whenever no job took it over.
/// </summary>
public sealed class UploadEndpoint(JobSubmitter jobs, IOptions<UploadOptions> limits)
{
    public async Task<JobResponse> HandleAsync(
        HttpContext http, IReadOnlySet<string> fields, Func<UploadedForm, string, JobWorkspace, Task<JobResponse>> submit)
    {
        var workspace = jobs.Reserve(out var jobId);
        var handedOver = false;
        try
        {
            var form = await MultipartFormReader.ReadAsync(http.Request, workspace.Work, fields, limits.Value, http.RequestAborted);
            var response = await submit(form, jobId, workspace);
            handedOver = response.Result is not Microsoft.AspNetCore.Http.HttpResults.ValidationProblem
                and not Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult;
            return response;
        }
        finally
        {
            if (!handedOver)
            {
                workspace.Delete();
            }
        }
    }
}
