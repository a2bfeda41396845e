using Microsoft.Extensions.Options;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Registry;

namespace SigningService.Signing;

/// <summary>Signs one image digest with `cosign sign`, holding the digest's write lock while cosign writes.</summary>
public sealed class ImageSigner(
    RegistryCosign registry, ImageWriteLocks locks, KeyRegistry keys, CosignInfo info, IOptions<CosignOptions> options)
{
    public async Task SignAsync(Job job, ImageReference pinned, ImageSigningProfile profile, CancellationToken cancellationToken)
    {
        using var keyRef = await keys.ResolveForCosignAsync(profile.KeyName, job.Id, cancellationToken);

        List<string> flags = ["--key=" + keyRef.KeyArgument, "--yes"];
        flags.AddRange(TlogFlags(profile));
        flags.AddRange(profile.Annotations.Select(a => "--annotations=" + CsvQuote($"{a.Key}={a.Value}")));
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile.DockerMediaTypes)
        {
            env["COSIGN_DOCKER_MEDIA_TYPES"] = "1";
        }

        using var writeLock = await locks.AcquireAsync(
            ImageWriteLocks.KeyFor(profile.SignatureRepository ?? pinned, pinned.Digest!), cancellationToken);
        var run = await registry.RunAsync("sign", flags, pinned, job.Workspace.Home, profile.SignatureRepository, env, keyRef, cancellationToken);
        RegistryJobFailures.ThrowIfFailed(run, job.Workspace.Root);
    }

    /// <summary>
    /// cosign reads -a as a comma-separated list (a CSV record), so each pair is one quoted field:
    /// a comma inside a value then stays part of it.
    /// </summary>
    public static string CsvQuote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private IEnumerable<string> TlogFlags(ImageSigningProfile profile)
    {
        if (profile.Legacy)
        {
            // The legacy .sig format predates signing configs; without a log it must be told not to upload.
            return profile.Tlog
                ? ["--new-bundle-format=false", "--use-signing-config=false"]
                : ["--new-bundle-format=false", "--use-signing-config=false", "--tlog-upload=false"];
        }
        return SigningConfigFlags.For(profile.Tlog, info, options.Value);
    }
}
