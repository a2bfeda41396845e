using System.Text.Json.Nodes;
using SigningService.Jobs;
using SigningService.Registry;
using SigningService.Signing;

namespace SigningService.Verification;

/// <summary>Verifies an image's signatures with `cosign verify` against the digest the tag points at now.</summary>
public sealed class VerifyImageHandler(RegistryCosign registryCosign, RegistryClient registry) : IJobHandler
{
    public const string Name = "verify-image";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (VerifyImageInput)job.Input;
        var verifier = input.Verifier;
        var annotationFlags = input.Annotations.Select(a => "--annotations=" + ImageSigner.CsvQuote($"{a.Key}={a.Value}"));
        var (digest, run, verified, reason) = await ImageVerdicts.RunAsync(
            registryCosign, registry, job, verifier, input.Identity, input.TrustedRootPath, "verify", annotationFlags, cancellationToken);

        var payloads = verified ? ImageSignaturePayloads.Parse(run.StandardOutput, digest) : [];
        if (verified && payloads.Count == 0)
        {
            (verified, reason) = (false, "no image signature matched: only attestations or payloads for another digest were found");
        }
        return new JsonObject
        {
            ["verified"] = verified,
            ["reason"] = reason,
            ["image"] = verifier.Image.ToString(),
            ["digest"] = digest,
            ["key"] = verifier.KeyName,
            ["tlogChecked"] = !verifier.IgnoreTlog,
            ["signatureRepository"] = verifier.SignatureRepository?.Name,
            ["signatures"] = new JsonArray([.. payloads]),
        };
    }
}
