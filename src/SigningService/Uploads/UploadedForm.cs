namespace SigningService.Uploads;

public sealed class UploadedForm
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, UploadedFile> Files { get; } = new(StringComparer.Ordinal);

    public string? Field(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public UploadedFile? File(string name) => Files.GetValueOrDefault(name);

    public bool Has(string name) => Fields.ContainsKey(name) || Files.ContainsKey(name);
}
