namespace SigningService.Cryptoki;

public sealed record LibraryInfo(Version CryptokiVersion, string ManufacturerId, string Description, Version LibraryVersion);
