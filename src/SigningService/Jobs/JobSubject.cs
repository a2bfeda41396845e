namespace SigningService.Jobs;

/// <summary>What a job acts on, as authorized: key name, artifact (blob name or image reference) and digest.</summary>
public sealed record JobSubject(string? Key, string? Artifact, string? Digest);
