using System.Text.Json.Nodes;
using SigningService.Jobs;
using SigningService.Registry;

namespace SigningService.Signing;

/// <summary>Signs an image: a tag is resolved to its digest first, so the job signs (and reports) exactly one digest.</summary>
public sealed class SignImageHandler(ImageSigner signer, RegistryClient registry) : IJobHandler
{
    public const string Name = "sign-image";

    public string Operation => Name;

    public async Task<JsonObject> ExecuteAsync(Job job, CancellationToken cancellationToken)
    {
        var input = (SignImageInput)job.Input;
        var digest = input.Image.Digest ?? await ResolveAsync(registry, input.Image, cancellationToken);
        var pinned = input.Image.WithDigest(digest);
        await signer.SignAsync(job, pinned, input.Profile, cancellationToken);
        return new JsonObject
        {
            ["image"] = input.Image.ToString(),
            ["signed"] = pinned.ToString(),
            ["digest"] = digest,
            ["key"] = input.Profile.KeyName,
            ["format"] = input.Profile.Legacy ? "legacy" : "bundle",
            ["tlog"] = input.Profile.Tlog,
            ["signatureRepository"] = input.Profile.SignatureRepository?.Name,
            ["annotations"] = ToJson(input.Profile.Annotations),
        };
    }

    public static async Task<string> ResolveAsync(RegistryClient registry, ImageReference image, CancellationToken cancellationToken)
    {
        try
        {
            return await registry.ResolveDigestAsync(image, cancellationToken);
        }
        catch (RegistryException e)
        {
            throw RegistryJobFailures.From(e);
        }
    }

    public static JsonObject ToJson(IReadOnlyDictionary<string, string> values) =>
        new(values.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value)));
}
