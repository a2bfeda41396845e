using SigningService.Registry;

namespace SigningService.Requests;

/// <summary>Checks of the image-related members shared by the image endpoints; errors are keyed by member name.</summary>
public static class ImageFields
{
    public static ImageReference? Image(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            errors[field] = [$"{field} is required (registry/repository:tag or registry/repository@sha256:…)."];
            return null;
        }
        if (!ImageReference.TryParse(value, out var reference, out var error))
        {
            errors[field] = [error];
            return null;
        }
        return reference;
    }

    /// <summary>
    /// A repository (no tag, no digest) on the image's own registry: the run's DOCKER_CONFIG holds
    /// credentials for that one host only.
    /// </summary>
    public static ImageReference? SignatureRepository(string? value, ImageReference? image, Dictionary<string, string[]> errors)
    {
        const string field = "signatureRepository";
        if (value is null)
        {
            return null;
        }
        if (!ImageReference.TryParse(value, out var repository, out var error))
        {
            errors[field] = [error];
            return null;
        }
        if (repository.Tag is not null || repository.Digest is not null)
        {
            errors[field] = ["signatureRepository is a repository without tag or digest (registry/repository)."];
            return null;
        }
        if (image is not null && !string.Equals(image.Registry, repository.Registry, StringComparison.OrdinalIgnoreCase))
        {
            errors[field] = ["signatureRepository must be on the image's registry."];
            return null;
        }
        return repository;
    }
}
