namespace SigningService.Auth.Access;

public enum ArtifactKind
{
    Blob,
    Image,
}

/// <summary>What an operation acts on: a blob by its name or an image by its repository; the digest is for the audit log.</summary>
public sealed record ArtifactScope(ArtifactKind Kind, string Name, string? Digest = null)
{
    public static ArtifactScope Blob(string? fileName, string? sha256 = null) =>
        new(ArtifactKind.Blob, fileName ?? "", sha256 is null ? null : "sha256:" + sha256);

    /// <summary><paramref name="repository"/> is registry/path without tag or digest, e.g. "registry.example/team/app".</summary>
    public static ArtifactScope Image(string repository, string? digest = null) => new(ArtifactKind.Image, repository, digest);

    public string Describe() => $"{(Kind == ArtifactKind.Blob ? "blob" : "image")} '{Name}'";
}
