using System.Text.Json;
using System.Text.Unicode;

namespace SigningService.Auth.Jwt;

/// <summary>
/// Parses token headers, payloads and JWKS documents: a JSON object, bounded depth, no comments or
/// trailing commas or invalid UTF-8, and no duplicate member names at any level (a duplicate `sub` or `aud` could be read
/// differently by another parser, so it is refused outright).
/// </summary>
internal static class StrictJson
{
    public const int DefaultMaxDepth = 16;

    public static JsonDocument? TryParseObject(ReadOnlyMemory<byte> utf8, int maxDepth = DefaultMaxDepth)
    {
        // The reader only checks string contents lazily; refuse invalid UTF-8 anywhere up front.
        if (!Utf8.IsValid(utf8.Span))
        {
            return null;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions
            {
                MaxDepth = maxDepth,
                AllowTrailingCommas = false,
                CommentHandling = JsonCommentHandling.Disallow,
                AllowDuplicateProperties = false,
            });
        }
        catch (JsonException)
        {
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return null;
        }
        return document;
    }
}
