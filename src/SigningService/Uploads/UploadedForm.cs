namespace SigningService.Uploads;

public sealed class UploadedForm
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, UploadedFile> Files { get; } = new(StringComparer.Ordinal);

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public UploadedFile? File(string name) => Files.GetValueOrDefault(name);

    /// <summary>The named file part when present and non-empty; otherwise records why in <paramref name="errors"/>.</summary>
    public UploadedFile? RequiredFile(string name, Dictionary<string, string[]> errors)
    {
        var file = File(name);
        if (file is null || file.Length == 0)
        {
            errors[name] = [file is null ? $"A file part named '{name}' is required." : "The file is empty."];
            return null;
        }
        return file;
    }

    public bool Has(string name) => Fields.ContainsKey(name) || Files.ContainsKey(name);
}
