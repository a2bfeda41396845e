using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;
using SigningService.Keys;

namespace SigningService.Signing;

/// <summary>Signs an uploaded file with `cosign sign-blob`, producing a Sigstore bundle.</summary>
public sealed class SignBlobHandler(CosignCli cosign, CosignInfo info, KeyRegistry keys, IOptions<CosignOptions> options) : IJobHandler
{
    public const string Name = "sign-blob";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (SignBlobInput)job.Input;
        using var keyRef = await keys.ResolveForCosignAsync(input.KeyName, job.Id, cancellationToken);

        var bundlePath = job.Workspace.ArtifactFile("bundle.sigstore.json");
        List<string> args = ["--key", keyRef.KeyArgument, "--bundle", bundlePath, "--yes"];
        args.AddRange(SigningConfigFlags.For(input.Tlog, info, options.Value));
        args.AddRange(["--", input.File.Path]);

        var run = await cosign.RunAsync(new CosignRun("sign-blob", args, job.Workspace.Home).WithKey(keyRef), cancellationToken);
        CosignFailures.ThrowIfFailed(run, job.Workspace.Root);

        var bundle = JsonNode.Parse(await File.ReadAllTextAsync(bundlePath, cancellationToken))!.AsObject();
        var signature = bundle["messageSignature"]?["signature"]?.GetValue<string>()
            ?? throw new JobFailedException(Problems.CosignFailed, "cosign wrote a bundle without a message signature.");
        var signaturePath = job.Workspace.ArtifactFile("signature.sig");
        await Storage.PrivateFiles.WriteAllTextAsync(signaturePath, signature, cancellationToken);
        job.AddArtifact(new JobArtifact("bundle", bundlePath, "application/vnd.dev.sigstore.bundle.v0.3+json"));
        job.AddArtifact(new JobArtifact("signature", signaturePath, "text/plain"));

        return new JsonObject
        {
            ["key"] = input.KeyName,
            ["artifact"] = new JsonObject
            {
                ["name"] = input.File.ClientFileName,
                ["size"] = input.File.Length,
                ["sha256"] = input.File.Sha256,
            },
            ["signature"] = signature,
            ["bundle"] = bundle,
            ["tlog"] = input.Tlog,
            ["annotations"] = new JsonObject(input.Annotations.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
        };
    }
}
