using System.Text;
using System.Text.Json;

namespace SigningService.Attestation;

/// <summary>A predicate must be a JSON object within the size and depth limits; checked before a job exists.</summary>
public static class Predicates
{
    public static bool TryCheck(JsonElement? predicate, int maxBytes, out string text, out string error)
    {
        text = string.Empty;
        error = string.Empty;
        if (predicate is not { ValueKind: JsonValueKind.Object } value)
        {
            error = "predicate is required and must be a JSON object.";
            return false;
        }
        text = value.GetRawText();
        if (Encoding.UTF8.GetByteCount(text) > maxBytes)
        {
            error = $"predicate is larger than {maxBytes} bytes.";
            return false;
        }
        return true;
    }

    /// <summary>For an uploaded predicate file: valid UTF-8 JSON object, bounded.</summary>
    public static bool TryCheckFile(string path, long length, int maxBytes, int maxDepth, out string error)
    {
        error = string.Empty;
        if (length == 0 || length > maxBytes)
        {
            error = length == 0 ? "predicate is empty." : $"predicate is larger than {maxBytes} bytes.";
            return false;
        }
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { MaxDepth = maxDepth });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "predicate must be a JSON object.";
                return false;
            }
            return true;
        }
        catch (JsonException)
        {
            error = "predicate is not valid JSON (or nested too deep).";
            return false;
        }
    }
}
