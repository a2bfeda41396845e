using System.Text.Json;

namespace SigningService.Verification;

/// <summary>What a Sigstore bundle carries, so verification can demand everything it can check.</summary>
public sealed record BundleFacts(bool HasTlogEntries, bool HasSignedTimestamps, bool HasCertificate);

public static class BundleInspector
{
    public static bool TryInspect(string json, out BundleFacts facts, out string error)
    {
        facts = new BundleFacts(false, false, false);
        error = string.Empty;
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("mediaType", out var mediaType) || mediaType.ValueKind != JsonValueKind.String
                || !mediaType.GetString()!.StartsWith("application/vnd.dev.sigstore.bundle", StringComparison.Ordinal)
                || !root.TryGetProperty("verificationMaterial", out var material) || material.ValueKind != JsonValueKind.Object)
            {
                error = "bundle is not a Sigstore bundle (mediaType application/vnd.dev.sigstore.bundle…).";
                return false;
            }
            facts = new BundleFacts(
                NonEmptyArray(material, "tlogEntries"),
                material.TryGetProperty("timestampVerificationData", out var ts) && ts.ValueKind == JsonValueKind.Object
                    && NonEmptyArray(ts, "rfc3161Timestamps"),
                material.TryGetProperty("certificate", out _) || material.TryGetProperty("x509CertificateChain", out _));
            return true;
        }
        // A lone surrogate escape is valid JSON but throws when read as a string.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            error = "bundle is not valid JSON.";
            return false;
        }
    }

    public static bool IsTrustedRoot(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("mediaType", out var mediaType) && mediaType.ValueKind == JsonValueKind.String
                && mediaType.GetString()!.StartsWith("application/vnd.dev.sigstore.trustedroot", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool NonEmptyArray(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0;
}
