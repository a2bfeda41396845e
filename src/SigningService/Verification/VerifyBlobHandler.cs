using System.Text.Json.Nodes;
using SigningService.Cosign;
using SigningService.Jobs;

namespace SigningService.Verification;

/// <summary>Verifies a file against a bundle or signature with `cosign verify-blob`, as strictly as the material allows.</summary>
public sealed class VerifyBlobHandler(CosignCli cosign) : IJobHandler
{
    public const string Name = "verify-blob";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (VerifyBlobInput)job.Input;
        var hasTlog = input.Bundle?.HasTlogEntries ?? false;
        if (input.RequireTlog && !hasTlog)
        {
            return Result(input, false, "the material has no transparency-log entry and requireTlog is set", hasTlog);
        }

        List<string> args = input.BundlePath is not null ? ["--bundle=" + input.BundlePath] : ["--signature=" + input.SignaturePath];
        args.AddRange(input.Identity.Arguments());
        if (input.TrustedRootPath is not null)
        {
            args.Add("--trusted-root=" + input.TrustedRootPath);
        }
        // Only what the material lacks is skipped: a bundle with a tlog entry always has it checked.
        if (!hasTlog)
        {
            args.Add("--insecure-ignore-tlog=true");
        }
        if (input.Bundle?.HasSignedTimestamps == true)
        {
            args.Add("--use-signed-timestamps=true");
        }
        args.AddRange(["--", input.File.Path]);

        var run = await cosign.RunAsync(new CosignRun("verify-blob", args, job.Workspace.Home), cancellationToken);
        var (verified, reason) = VerificationVerdicts.Judge(run, job.Workspace.Root);
        return Result(input, verified, reason, hasTlog);
    }

    private static JsonObject Result(VerifyBlobInput input, bool verified, string reason, bool tlogChecked) => new()
    {
        ["verified"] = verified,
        ["reason"] = reason,
        ["artifact"] = new JsonObject { ["name"] = input.File.ClientFileName, ["size"] = input.File.Length, ["sha256"] = input.File.Sha256 },
        ["key"] = input.Identity.KeyName,
        ["tlogChecked"] = tlogChecked,
        ["signedTimestampsChecked"] = input.Bundle?.HasSignedTimestamps == true,
    };
}
