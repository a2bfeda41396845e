using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Resilience;

namespace SigningService.Registry;

/// <summary>Maps registry failures (ours and cosign's) to the job failure kinds callers see.</summary>
public static class RegistryJobFailures
{
    public static JobFailedException From(RegistryException error) => error switch
    {
        RegistryAuthException => new JobFailedException(Problems.RegistryAuth, error.Message),
        ManifestUnknownException => new JobFailedException(Problems.ManifestUnknown, error.Message),
        RegistryUnavailableException => new JobFailedException(Problems.RegistryUnavailable, error.Message),
        _ => new JobFailedException(Problems.RegistryError, error.Message),
    };

    private static readonly HashSet<ProblemKind> RegistryKinds =
        [Problems.RegistryAuth, Problems.ManifestUnknown, Problems.RegistryError, Problems.RegistryUnavailable];

    /// <summary>The registry failure in a failed cosign run's output, if that is what it was (the classifier's table decides).</summary>
    public static JobFailedException? Classify(CosignResult run, params string[] privatePaths)
    {
        if (run.TimedOut || CosignFailureClassifier.Classify(run) is not { Class: not FailureClass.Verdict } failure
            || !RegistryKinds.Contains(failure.Kind))
        {
            return null;
        }
        return new JobFailedException(failure.Kind, CosignMessages.Scrub(run.ErrorMessage, privatePaths));
    }

    /// <summary>For write runs: registry failures get their kind, anything else is a cosign failure.</summary>
    public static void ThrowIfFailed(CosignResult run, params string[] privatePaths)
    {
        if (Classify(run, privatePaths) is { } failure)
        {
            throw failure;
        }
        CosignFailures.ThrowIfFailed(run, privatePaths);
    }

    /// <summary>True when a retry could help (the retry policy must never retry auth, unknown or TLS failures).</summary>
    public static bool IsTransient(CosignResult run) => CosignFailureClassifier.Classify(run)?.Class == FailureClass.Transient;
}
