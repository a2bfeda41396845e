using System.ComponentModel.DataAnnotations;

namespace SigningService.Uploads;

public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>Largest file accepted in one upload part; larger ones get 413.</summary>
    [Range(1, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Largest text field (bundles, keys and trusted roots may come as text).</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxFieldBytes { get; set; } = 4 * 1024 * 1024;

    [Range(1, 64)]
    public int MaxParts { get; set; } = 16;
}
