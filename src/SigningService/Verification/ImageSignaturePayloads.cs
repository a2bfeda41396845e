using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningService.Verification;

/// <summary>
/// Reads `cosign verify` output (a JSON array of simple-signing payloads). cosign also accepts
/// attestations there, so only payloads that are image signatures for the verified digest count.
/// </summary>
public static class ImageSignaturePayloads
{
    public static readonly IReadOnlySet<string> SignatureTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "https://sigstore.dev/cosign/sign/v1",
        "cosign container image signature",
    };

    public static List<JsonObject> Parse(string output, string digest)
    {
        var payloads = new List<JsonObject>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('['))
            {
                continue;
            }
            JsonArray? array;
            try
            {
                array = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonArray;
            }
            catch (JsonException)
            {
                continue;
            }
            foreach (var item in array?.OfType<JsonObject>() ?? [])
            {
                if (item["critical"] is JsonObject critical && IsSignatureFor(critical, digest))
                {
                    payloads.Add(new JsonObject
                    {
                        ["claims"] = critical.DeepClone(),
                        ["annotations"] = item["optional"]?.DeepClone() ?? new JsonObject(),
                    });
                }
            }
        }
        return payloads;
    }

    private static bool IsSignatureFor(JsonObject critical, string digest) =>
        critical["type"]?.GetValueKind() == JsonValueKind.String
        && SignatureTypes.Contains(critical["type"]!.GetValue<string>())
        && critical["image"]?["docker-manifest-digest"]?.GetValueKind() == JsonValueKind.String
        && critical["image"]!["docker-manifest-digest"]!.GetValue<string>() == digest;
}
