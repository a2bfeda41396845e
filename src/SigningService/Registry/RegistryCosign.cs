using Microsoft.Extensions.Options;
using SigningService.Cosign;

namespace SigningService.Registry;

/// <summary>
/// Prepares cosign runs that touch a registry: a private DOCKER_CONFIG with only that host's
/// credentials (deleted after the run), the host's CA bundle, and the run's remote endpoint.
/// </summary>
public sealed class RegistryCosign(CosignCli cosign, DockerConfigWriter dockerConfig, IOptionsMonitor<RegistryOptions> options)
{
    /// <param name="flags">cosign flags (values joined as --flag=value); the reference goes after "--".</param>
    /// <param name="key">the signing key's reference, for runs that sign.</param>
    /// <param name="signatureRepository">COSIGN_REPOSITORY: where signatures are read or written instead of next to the image.</param>
    public async Task<CosignResult> RunAsync(
        string command,
        IEnumerable<string> flags,
        ImageReference image,
        string home,
        ImageReference? signatureRepository,
        IReadOnlyDictionary<string, string>? environment,
        Keys.CosignKeyReference? key,
        CancellationToken cancellationToken)
    {
        DockerConfigLease lease;
        try
        {
            lease = await dockerConfig.WriteAsync(image.Registry, cancellationToken);
        }
        catch (RegistryException e)
        {
            throw RegistryJobFailures.From(e);
        }
        await using var _ = lease;
        List<string> args = [.. flags];
        if (options.CurrentValue.Find(image.Registry)?.CaBundleFile is { Length: > 0 } caBundle)
        {
            args.Add("--registry-cacert=" + caBundle);
        }
        args.AddRange(["--", image.ToString()]);

        var env = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["DOCKER_CONFIG"] = lease.Directory,
        };
        if (signatureRepository is not null)
        {
            env["COSIGN_REPOSITORY"] = signatureRepository.Name;
        }
        var run = new CosignRun(command, args, home)
        {
            Environment = env,
            RemoteEndpoint = image.Registry,
        };
        // The key brings its own secrets (a password) or environment (the HSM plugin's socket and token).
        return await cosign.RunAsync(key is null ? run : run.WithKey(key), cancellationToken);
    }
}
