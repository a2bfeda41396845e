using SigningService.Registry;

namespace SigningService.Signing;

/// <summary>How images are signed: the same for one image or every image of a build report.</summary>
public sealed record ImageSigningProfile(
    string KeyName,
    IReadOnlyDictionary<string, string> Annotations,
    bool Tlog,
    ImageReference? SignatureRepository,
    bool Legacy,
    bool DockerMediaTypes);
