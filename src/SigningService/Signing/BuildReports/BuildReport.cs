namespace SigningService.Signing.BuildReports;

/// <summary>What a Cloud Native Buildpacks exporter report.toml says about the exported image.</summary>
public sealed record BuildReport(IReadOnlyList<string> Tags, string Digest, string? ImageId, long? ManifestSize);
