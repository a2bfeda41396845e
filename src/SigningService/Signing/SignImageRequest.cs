namespace SigningService.Signing;

/// <summary>Body of POST /v1/sign/image.</summary>
public sealed record SignImageRequest(
    string? Image,
    string? Key,
    Dictionary<string, string>? Annotations,
    bool? Tlog,
    string? SignatureRepository,
    string? Format,
    bool? DockerMediaTypes);

public sealed record SignImageInput(Registry.ImageReference Image, ImageSigningProfile Profile);
