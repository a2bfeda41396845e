using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;

namespace SigningService.Verification;

/// <summary>
/// Separates "the signature is not good" (an answer: verified=false) from "we could not check"
/// (an infrastructure failure: the job fails). Unknown errors count as "not good": a verifier must
/// never turn a doubt into a yes.
/// </summary>
public static class VerificationVerdicts
{
    private static readonly string[] InfrastructurePatterns =
    [
        "tuf", "trusted root", "trusted_root", "dial tcp", "no such host", "connection refused", "connection reset",
        "i/o timeout", "tls handshake timeout", "context deadline exceeded", "network is unreachable",
    ];

    public static (bool Verified, string Reason) Judge(CosignResult run, params string[] privatePaths)
    {
        if (run.TimedOut)
        {
            throw new JobFailedException(Problems.CosignTimeout, "cosign did not finish in time and was stopped.");
        }
        if (run.Succeeded)
        {
            return (true, "verified");
        }
        var message = CosignMessages.Scrub(run.ErrorMessage, privatePaths);
        if (!CosignExitCodes.IsVerdict(run.ExitCode)
            && InfrastructurePatterns.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase)))
        {
            throw new JobFailedException(Problems.TrustMaterialUnavailable, message);
        }
        var verdict = CosignExitCodes.Describe(run.ExitCode);
        return (false, verdict is null ? message : $"{verdict}: {message}");
    }
}
