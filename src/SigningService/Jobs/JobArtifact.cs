namespace SigningService.Jobs;

/// <summary>A file a job produced, downloadable by name until the job expires.</summary>
public sealed record JobArtifact(string Name, string Path, string ContentType);
