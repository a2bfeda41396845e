using System.ComponentModel.DataAnnotations;

namespace SigningService.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Private folder (made 0700) holding each job's inputs and artifacts.</summary>
    [Required]
    public string Root { get; set; } = Path.Combine(Path.GetTempPath(), "signingservice");
}
