using SigningService.Errors;
using SigningService.Jobs;

namespace SigningService.Cosign;

/// <summary>Turns a failed cosign run into the job failure a caller sees.</summary>
public static class CosignFailures
{
    public static void ThrowIfFailed(CosignResult run, params string[] privatePaths)
    {
        if (run.TimedOut)
        {
            throw new JobFailedException(Problems.CosignTimeout, "cosign did not finish in time and was stopped.");
        }
        if (!run.Succeeded)
        {
            throw new JobFailedException(Problems.CosignFailed, CosignMessages.Scrub(run.ErrorMessage, privatePaths));
        }
    }
}
