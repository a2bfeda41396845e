using SigningService.Uploads;

namespace SigningService.Attestation;

/// <summary>The multipart form of POST /v1/attest/blob (documents the request body in OpenAPI).</summary>
public sealed class AttestBlobForm
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "file", "predicate", "predicateType", "key", "tlog" };

    /// <summary>The file the attestation is about.</summary>
    public IFormFile? File { get; set; }

    /// <summary>The predicate: a JSON object (file or text).</summary>
    public IFormFile? Predicate { get; set; }

    /// <summary>slsaprovenance, slsaprovenance1, spdxjson, cyclonedx, vuln, openvex, custom, or an absolute URI.</summary>
    public string? PredicateType { get; set; }

    /// <summary>Name of a configured key; the default key when omitted.</summary>
    public string? Key { get; set; }

    /// <summary>Upload to the transparency log (default false).</summary>
    public bool? Tlog { get; set; }
}

public sealed record AttestBlobInput(UploadedFile File, string PredicatePath, string PredicateType, string KeyName, bool Tlog);
