using SigningService.Keys;
using SigningService.Registry;
using SigningService.Requests;

namespace SigningService.Signing;

/// <summary>Validates the signing options shared by POST /v1/sign/image and /v1/sign/build-report.</summary>
public static class ImageSigningProfiles
{
    /// <summary>Null with errors filled (or <paramref name="unknownKey"/> set) when the options are not acceptable.</summary>
    public static ImageSigningProfile? TryCreate(
        string? keyName,
        IReadOnlyDictionary<string, string>? annotations,
        bool? tlog,
        string? signatureRepository,
        string? format,
        bool? dockerMediaTypes,
        ImageReference? image,
        KeyRegistry keys,
        Dictionary<string, string[]> errors,
        out bool unknownKey)
    {
        unknownKey = false;
        if (!Annotations.TryValidate(annotations, out var checkedAnnotations, out var annotationError))
        {
            errors["annotations"] = [annotationError];
        }
        var repository = ImageFields.SignatureRepository(signatureRepository, image, errors);
        if (format is not (null or "bundle" or "legacy"))
        {
            errors["format"] = ["format is \"bundle\" (default) or \"legacy\"."];
        }
        keyName ??= keys.DefaultKey;
        if (keyName is null)
        {
            errors["key"] = ["Name a key: no default key is configured."];
        }
        if (errors.Count > 0)
        {
            return null;
        }
        if (keys.Find(keyName!) is null)
        {
            unknownKey = true;
            return null;
        }
        return new ImageSigningProfile(keyName!, checkedAnnotations, tlog ?? false, repository, format == "legacy", dockerMediaTypes ?? false);
    }
}
