using System.Text.Json.Nodes;
using SigningService.Jobs;
using SigningService.Registry;

namespace SigningService.Signing.BuildReports;

/// <summary>
/// Signs every image a build report lists, each only after the registry confirms it is the report's
/// digest. Each image gets its own outcome: one refusal or failure never hides the others.
/// </summary>
public sealed class SignBuildReportHandler(ImageSigner signer, RegistryClient registry) : IJobHandler
{
    public const string Name = "sign-build-report";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (SignBuildReportInput)job.Input;
        var outcomes = new JsonArray();
        foreach (var image in input.Images)
        {
            outcomes.Add(await SignOneAsync(job, image, input, cancellationToken));
        }
        int Count(string status) => outcomes.Count(o => o!["status"]!.GetValue<string>() == status);
        return new JsonObject
        {
            ["digest"] = input.Digest,
            ["key"] = input.Profile.KeyName,
            ["allSigned"] = Count("signed") == input.Images.Count,
            ["signed"] = Count("signed"),
            ["refused"] = Count("refused"),
            ["failed"] = Count("failed"),
            ["images"] = outcomes,
            ["annotations"] = SignImageHandler.ToJson(input.Profile.Annotations),
        };
    }

    private async Task<JsonObject> SignOneAsync(Job job, ImageReference image, SignBuildReportInput input, CancellationToken cancellationToken)
    {
        var outcome = new JsonObject { ["image"] = image.ToString() };
        try
        {
            var actual = await SignImageHandler.ResolveAsync(registry, image, cancellationToken);
            outcome["registryDigest"] = actual;
            if (actual != input.Digest)
            {
                outcome["status"] = "refused";
                outcome["reason"] = $"the registry has {actual} for this image, the report says {input.Digest}";
                return outcome;
            }
            var pinned = image.WithDigest(input.Digest);
            await signer.SignAsync(job, pinned, input.Profile, cancellationToken);
            outcome["status"] = "signed";
            outcome["signed"] = pinned.ToString();
        }
        catch (JobFailedException e)
        {
            outcome["status"] = "failed";
            outcome["type"] = e.Kind.Type;
            outcome["reason"] = e.Message;
        }
        return outcome;
    }
}
