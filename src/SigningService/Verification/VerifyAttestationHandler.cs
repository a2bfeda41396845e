using System.Text.Json.Nodes;
using SigningService.Attestation;
using SigningService.Jobs;
using SigningService.Registry;
using SigningService.Signing;

namespace SigningService.Verification;

/// <summary>Verifies an image's attestations of one predicate type with `cosign verify-attestation`.</summary>
public sealed class VerifyAttestationHandler(RegistryCosign registryCosign, RegistryClient registry) : IJobHandler
{
    public const string Name = "verify-attestation";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (VerifyAttestationInput)job.Input;
        var verifier = input.Verifier;
        var (digest, run, verified, reason) = await ImageVerdicts.RunAsync(registryCosign, registry, job, verifier, input.Identity,
            input.TrustedRootPath, "verify-attestation", ["--type=" + input.PredicateType], cancellationToken);

        var statements = verified ? InTotoStatements.FromLines(run.StandardOutput).Where(s => InTotoStatements.HasSubject(s, digest)).ToList() : [];
        if (verified && statements.Count == 0)
        {
            (verified, reason) = (false, "no attestation for this digest matched");
        }
        return new JsonObject
        {
            ["verified"] = verified,
            ["reason"] = reason,
            ["image"] = verifier.Image.ToString(),
            ["digest"] = digest,
            ["predicateType"] = input.PredicateType,
            ["key"] = verifier.KeyName,
            ["tlogChecked"] = !verifier.IgnoreTlog,
            ["statements"] = new JsonArray([.. statements]),
        };
    }
}
