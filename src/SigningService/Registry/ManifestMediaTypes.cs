namespace SigningService.Registry;

public static class ManifestMediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    // Schema 1 is left out on purpose: its digests cover a signed form that cosign does not sign.
    public static readonly string[] Accepted = [OciIndex, OciManifest, DockerManifestList, DockerManifest];
}
