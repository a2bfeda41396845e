using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Registry;

namespace SigningService.Verification;

/// <summary>The verdict-vs-failure split for runs that read signatures from a registry.</summary>
public static class ImageVerdicts
{
    /// <summary>
    /// Registry trouble (credentials, unreachable, TLS) means "could not check": the job fails.
    /// A missing manifest or signature is an answer: verified=false.
    /// </summary>
    public static (bool Verified, string Reason) Judge(CosignResult run, params string[] privatePaths)
    {
        if (!run.Succeeded && !run.TimedOut && !CosignExitCodes.IsVerdict(run.ExitCode)
            && RegistryJobFailures.Classify(run, privatePaths) is { } failure && failure.Kind != Problems.ManifestUnknown)
        {
            throw failure;
        }
        return VerificationVerdicts.Judge(run, privatePaths);
    }

    /// <summary>Flags common to verify and verify-attestation.</summary>
    public static List<string> Flags(VerifierIdentity identity, bool ignoreTlog, string? trustedRootPath)
    {
        List<string> flags = [.. identity.Arguments()];
        if (ignoreTlog)
        {
            flags.Add("--insecure-ignore-tlog=true");
        }
        if (trustedRootPath is not null)
        {
            flags.Add("--trusted-root=" + trustedRootPath);
        }
        return flags;
    }
}
