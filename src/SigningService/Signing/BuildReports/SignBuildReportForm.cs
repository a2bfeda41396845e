using SigningService.Registry;

namespace SigningService.Signing.BuildReports;

/// <summary>The multipart form of POST /v1/sign/build-report (documents the request body in OpenAPI).</summary>
public sealed class SignBuildReportForm
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "report", "key", "annotations", "signatureRepository", "dockerMediaTypes", "tlog", "format",
    };

    /// <summary>The exporter's report.toml (file or text).</summary>
    public IFormFile? Report { get; set; }

    /// <summary>Name of a configured key; the default key when omitted.</summary>
    public string? Key { get; set; }

    /// <summary>JSON object of strings signed into every image's signature.</summary>
    public string? Annotations { get; set; }

    /// <summary>Repository (same registry) that receives the signatures (COSIGN_REPOSITORY).</summary>
    public string? SignatureRepository { get; set; }

    /// <summary>Write signatures with Docker media types (COSIGN_DOCKER_MEDIA_TYPES).</summary>
    public bool? DockerMediaTypes { get; set; }

    public bool? Tlog { get; set; }

    /// <summary>"bundle" (default) or "legacy".</summary>
    public string? Format { get; set; }
}

public sealed record SignBuildReportInput(IReadOnlyList<ImageReference> Images, string Digest, BuildReport Report, ImageSigningProfile Profile);
