namespace SigningService.Keys;

public sealed record KeyView(string Name, string Kind, string Algorithm, bool IsDefault, string PublicKeyPem, string PublicKeyHref);
