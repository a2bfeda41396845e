namespace SigningService.Signing;

/// <summary>The multipart form of POST /v1/sign/blob (documents the request body in OpenAPI).</summary>
public sealed class SignBlobForm
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "file", "key", "tlog", "annotations" };

    /// <summary>The file to sign.</summary>
    public IFormFile? File { get; set; }

    /// <summary>Name of a configured key; the default key when omitted.</summary>
    public string? Key { get; set; }

    /// <summary>Upload to the transparency log (default false).</summary>
    public bool? Tlog { get; set; }

    /// <summary>JSON object of strings, recorded with the job (blob signatures carry no annotations).</summary>
    public string? Annotations { get; set; }
}
