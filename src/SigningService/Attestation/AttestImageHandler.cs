using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;
using SigningService.Registry;
using SigningService.Signing;

namespace SigningService.Attestation;

/// <summary>Attaches a signed in-toto attestation to an image digest with `cosign attest`, under the digest's write lock.</summary>
public sealed class AttestImageHandler(
    RegistryCosign registryCosign, RegistryClient registry, ImageWriteLocks locks, KeyRegistry keys, CosignInfo info,
    IOptions<CosignOptions> options) : IJobHandler
{
    public const string Name = "attest-image";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (AttestImageInput)job.Input;
        var digest = input.Image.Digest ?? await SignImageHandler.ResolveAsync(registry, input.Image, cancellationToken);
        var pinned = input.Image.WithDigest(digest);
        using var keyRef = await keys.ResolveForCosignAsync(input.KeyName, job.Id, cancellationToken);

        List<string> flags = ["--key=" + keyRef.KeyArgument, "--yes", "--predicate=" + input.PredicatePath, "--type=" + input.PredicateType];
        flags.AddRange(SigningConfigFlags.For(input.Tlog, info, options.Value));

        using (await locks.AcquireAsync(ImageWriteLocks.KeyFor(input.SignatureRepository ?? pinned, digest), cancellationToken))
        {
            var run = await registryCosign.RunAsync(
                "attest", flags, pinned, job.Workspace.Home, input.SignatureRepository, null, keyRef, cancellationToken);
            RegistryJobFailures.ThrowIfFailed(run, job.Workspace.Root);
        }
        return new JsonObject
        {
            ["image"] = input.Image.ToString(),
            ["attested"] = pinned.ToString(),
            ["digest"] = digest,
            ["predicateType"] = input.PredicateType,
            ["key"] = input.KeyName,
            ["tlog"] = input.Tlog,
            ["signatureRepository"] = input.SignatureRepository?.Name,
        };
    }
}
