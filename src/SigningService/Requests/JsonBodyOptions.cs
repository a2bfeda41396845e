using System.ComponentModel.DataAnnotations;

namespace SigningService.Requests;

/// <summary>Limits for JSON request bodies (image endpoints), far below the upload limits.</summary>
public sealed class JsonBodyOptions
{
    public const string Section = "JsonBodies";

    /// <summary>Largest JSON body; an embedded predicate counts towards it.</summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting accepted anywhere in a body (predicates included).</summary>
    [Range(4, 256)]
    public int MaxDepth { get; set; } = 64;

    /// <summary>Largest predicate (JSON or uploaded file) accepted for an attestation.</summary>
    [Range(2, 64 * 1024 * 1024)]
    public int MaxPredicateBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>Most images one build report may list.</summary>
    [Range(1, 1000)]
    public int MaxReportImages { get; set; } = 64;
}
