using System.Text.Json;
using System.Text.RegularExpressions;
using SigningService.Requests;

namespace SigningService.Signing;

/// <summary>Parses and checks annotations: a flat JSON object of short, printable strings.</summary>
public static partial class Annotations
{
    public const int MaxCount = 32;
    public const int MaxValueLength = 1024;

    public static bool TryParse(string? json, out Dictionary<string, string> annotations, out string error)
    {
        annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 2 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "annotations must be a JSON object of strings, e.g. {\"env\":\"prod\"}.";
                return false;
            }
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    error = "annotation values must be strings.";
                    return false;
                }
                if (!TryAdd(annotations, property.Name, property.Value.GetString()!, out error))
                {
                    return false;
                }
            }
            return true;
        }
        // A lone surrogate escape ("\ud800") is valid JSON but cannot be read as a string.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = "annotations must be a JSON object of strings, e.g. {\"env\":\"prod\"}.";
            return false;
        }
    }

    /// <summary>The same rules for annotations that arrived as a JSON body member.</summary>
    public static bool TryValidate(IReadOnlyDictionary<string, string>? input, out Dictionary<string, string> annotations, out string error)
    {
        annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        error = string.Empty;
        foreach (var (key, value) in input ?? new Dictionary<string, string>())
        {
            if (value is null)
            {
                error = "annotation values must be strings.";
                return false;
            }
            if (!TryAdd(annotations, key, value, out error))
            {
                return false;
            }
        }
        return true;
    }

    private static bool TryAdd(Dictionary<string, string> annotations, string key, string value, out string error)
    {
        error = string.Empty;
        if (!KeyPattern().IsMatch(key))
        {
            error = "annotation keys are 1-128 characters of letters, digits and . _ - /, starting with a letter or digit.";
        }
        else if (value.Length > MaxValueLength || !TextRules.IsSafeLine(value))
        {
            error = $"annotation values are at most {MaxValueLength} characters without control, line-separator or bidi characters.";
        }
        else if (!annotations.TryAdd(key, value))
        {
            error = "an annotation key is given twice.";
        }
        else if (annotations.Count > MaxCount)
        {
            error = $"at most {MaxCount} annotations are allowed.";
        }
        return error.Length == 0;
    }

    // \z, not $: $ also matches before a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
