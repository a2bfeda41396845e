using System.Text.Json.Nodes;
using SigningService.Attestation;
using SigningService.Cosign;
using SigningService.Jobs;

namespace SigningService.Verification;

/// <summary>Verifies an attestation bundle about a file with `cosign verify-blob-attestation`, as strictly as the bundle allows.</summary>
public sealed class VerifyBlobAttestationHandler(CosignCli cosign) : IJobHandler
{
    public const string Name = "verify-blob-attestation";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (VerifyBlobAttestationInput)job.Input;
        if (input.RequireTlog && !input.Bundle.HasTlogEntries)
        {
            return Result(input, false, "the material has no transparency-log entry and requireTlog is set", null);
        }
        List<string> args = ["--bundle=" + input.BundlePath, "--type=" + input.PredicateType];
        args.AddRange(input.Identity.Arguments());
        if (input.TrustedRootPath is not null)
        {
            args.Add("--trusted-root=" + input.TrustedRootPath);
        }
        if (!input.Bundle.HasTlogEntries)
        {
            args.Add("--insecure-ignore-tlog=true");
        }
        if (input.Bundle.HasSignedTimestamps)
        {
            args.Add("--use-signed-timestamps=true");
        }
        args.AddRange(["--", input.File.Path]);

        var run = await cosign.RunAsync(new CosignRun("verify-blob-attestation", args, job.Workspace.Home), cancellationToken);
        var (verified, reason) = VerificationVerdicts.Judge(run, job.Workspace.Root);
        JsonObject? statement = null;
        if (verified)
        {
            statement = InTotoStatements.FromBundle(JsonNode.Parse(await File.ReadAllTextAsync(input.BundlePath, cancellationToken)));
            if (statement is null || !InTotoStatements.HasSubject(statement, "sha256:" + input.File.Sha256))
            {
                (verified, reason, statement) = (false, "the verified statement does not name this file's digest", null);
            }
        }
        return Result(input, verified, reason, statement);
    }

    private static JsonObject Result(VerifyBlobAttestationInput input, bool verified, string reason, JsonObject? statement) => new()
    {
        ["verified"] = verified,
        ["reason"] = reason,
        ["artifact"] = new JsonObject { ["name"] = input.File.ClientFileName, ["size"] = input.File.Length, ["sha256"] = input.File.Sha256 },
        ["predicateType"] = input.PredicateType,
        ["key"] = input.Identity.KeyName,
        ["tlogChecked"] = input.Bundle.HasTlogEntries,
        ["signedTimestampsChecked"] = input.Bundle.HasSignedTimestamps,
        ["statements"] = statement is null ? new JsonArray() : new JsonArray(statement),
    };
}
