namespace SigningService.Uploads;

/// <summary>A file part streamed to disk. <see cref="ClientFileName"/> is informational only: never a path.</summary>
public sealed record UploadedFile(string FieldName, string Path, string? ClientFileName, long Length, string Sha256);
