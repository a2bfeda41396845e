namespace SigningService.Cryptoki;

public sealed record TokenInfo(string Label, string ManufacturerId, string Model, string SerialNumber, TokenFlags Flags)
{
    public bool IsInitialized => Flags.HasFlag(TokenFlags.TokenInitialized);
}
