using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;

namespace SigningService.Attestation;

/// <summary>Makes a signed in-toto attestation about an uploaded file with `cosign attest-blob` (a Sigstore bundle).</summary>
public sealed class AttestBlobHandler(CosignCli cosign, CosignInfo info, KeyRegistry keys, IOptions<CosignOptions> options) : IJobHandler
{
    public const string Name = "attest-blob";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (AttestBlobInput)job.Input;
        using var keyRef = await keys.ResolveForCosignAsync(input.KeyName, job.Id, cancellationToken);

        var bundlePath = job.Workspace.ArtifactFile("bundle.sigstore.json");
        List<string> args = ["--key=" + keyRef.KeyArgument, "--yes", "--predicate=" + input.PredicatePath, "--type=" + input.PredicateType, "--bundle=" + bundlePath];
        args.AddRange(SigningConfigFlags.For(input.Tlog, info, options.Value));
        args.AddRange(["--", input.File.Path]);

        var run = await cosign.RunAsync(new CosignRun("attest-blob", args, job.Workspace.Home).WithKey(keyRef), cancellationToken);
        CosignFailures.ThrowIfFailed(run, job.Workspace.Root);

        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(bundlePath, cancellationToken))!.AsObject();
        var statement = InTotoStatements.FromBundle(bundle)
            ?? throw new JobFailedException(Problems.CosignFailed, "cosign wrote a bundle without an in-toto statement.");
        job.AddArtifact(new JobArtifact("bundle", bundlePath, "application/vnd.dev.sigstore.bundle.v0.3+json"));
        return new JsonObject
        {
            ["key"] = input.KeyName,
            ["artifact"] = new JsonObject { ["name"] = input.File.ClientFileName, ["size"] = input.File.Length, ["sha256"] = input.File.Sha256 },
            ["predicateType"] = statement["predicateType"]?.DeepClone(),
            ["statement"] = statement,
            ["bundle"] = bundle,
            ["tlog"] = input.Tlog,
        };
    }
}
