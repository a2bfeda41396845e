namespace SigningService.Registry;

/// <summary>A manifest as served: media type from Content-Type, digest verified against the bytes.</summary>
public sealed record RegistryManifest(string MediaType, string Digest, byte[] Content);
