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

    /// <summary>
    /// The shared step of verify and verify-attestation: pin the image to the digest its tag names
    /// now, run the command against it with the verifier's flags, and judge the result.
    /// </summary>
    public static async Task<(string Digest, CosignResult Run, bool Verified, string Reason)> RunAsync(
        RegistryCosign registryCosign, RegistryClient registry, Jobs.Job job, ImageVerifier verifier, VerifierIdentity identity,
        string? trustedRootPath, string command, IEnumerable<string> extraFlags, CancellationToken cancellationToken)
    {
        var digest = verifier.Image.Digest ?? await Signing.SignImageHandler.ResolveAsync(registry, verifier.Image, cancellationToken);
        var flags = Flags(identity, verifier.IgnoreTlog, trustedRootPath);
        flags.AddRange(extraFlags);
        var run = await registryCosign.RunAsync(
            command, flags, verifier.Image.WithDigest(digest), job.Workspace.Home, verifier.SignatureRepository, null, null, cancellationToken);
        var (verified, reason) = Judge(run, job.Workspace.Root);
        return (digest, run, verified, reason);
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
