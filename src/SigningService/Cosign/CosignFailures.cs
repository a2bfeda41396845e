using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Resilience;

namespace SigningService.Cosign;

/// <summary>Turns a failed cosign run into the job failure a caller sees, with the classifier's problem type.</summary>
public static class CosignFailures
{
    public static void ThrowIfFailed(CosignResult run, params string[] privatePaths)
    {
        if (run.TimedOut)
        {
            throw new JobFailedException(Problems.CosignTimeout, "cosign did not finish in time and was stopped.");
        }
        if (CosignFailureClassifier.Classify(run) is { } failure)
        {
            throw new JobFailedException(failure.Kind, CosignMessages.Scrub(run.ErrorMessage, privatePaths));
        }
    }
}
