using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningService.Attestation;

/// <summary>Decodes the in-toto statements carried in DSSE envelopes (base64 payloads).</summary>
public static class InTotoStatements
{
    public const string PayloadType = "application/vnd.in-toto+json";

    /// <summary>The statement in a DSSE envelope object ({payloadType, payload, signatures}); null when it is not one.</summary>
    public static JsonObject? FromEnvelope(JsonNode? envelope)
    {
        if (envelope is not JsonObject obj
            || obj["payloadType"]?.GetValueKind() != JsonValueKind.String
            || obj["payloadType"]!.GetValue<string>() != PayloadType
            || obj["payload"]?.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            var json = Encoding.UTF8.GetString(Convert.FromBase64String(obj["payload"]!.GetValue<string>()));
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 128 }) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The statement of a Sigstore bundle that holds a DSSE envelope.</summary>
    public static JsonObject? FromBundle(JsonNode? bundle) => FromEnvelope(bundle?["dsseEnvelope"]);

    /// <summary>cosign verify-attestation prints one envelope per line (other lines are ignored).</summary>
    public static List<JsonObject> FromLines(string output)
    {
        var statements = new List<JsonObject>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }
            try
            {
                if (FromEnvelope(JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = 128 })) is { } statement)
                {
                    statements.Add(statement);
                }
            }
            catch (JsonException)
            {
            }
        }
        return statements;
    }

    /// <summary>True when the statement names <paramref name="digest"/> (algo:hex) among its subjects.</summary>
    public static bool HasSubject(JsonObject statement, string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        var (algorithm, hex) = (digest[..colon], digest[(colon + 1)..]);
        return statement["subject"] is JsonArray subjects && subjects.OfType<JsonObject>().Any(s =>
            s["digest"] is JsonObject d && d[algorithm]?.GetValueKind() == JsonValueKind.String
            && string.Equals(d[algorithm]!.GetValue<string>(), hex, StringComparison.OrdinalIgnoreCase));
    }
}
