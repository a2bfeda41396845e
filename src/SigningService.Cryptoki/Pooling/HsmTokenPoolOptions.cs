namespace SigningService.Cryptoki.Pooling;

public sealed class HsmTokenPoolOptions
{
    public string ModulePath { get; set; } = "";

    // One of TokenLabel / TokenSerial (or both) selects the token.
    public string? TokenLabel { get; set; }

    public string? TokenSerial { get; set; }

    // Called at every login; the returned buffer is wiped afterwards.
    public Func<byte[]>? PinProvider { get; set; }

    public int MaxSessions { get; set; } = 4;

    // How often an unavailable token is retried by Execute. A rejected PIN is never retried automatically
    // (real HSMs lock the PIN after a few failures): call Connect() after fixing it.
    public TimeSpan ReconnectInterval { get; set; } = TimeSpan.FromSeconds(5);

    public string TokenDescription =>
        TokenLabel is not null ? $"token '{TokenLabel}'" : $"token with serial '{TokenSerial}'";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ModulePath))
        {
            throw new ArgumentException("HSM ModulePath is required", nameof(ModulePath));
        }
        if (TokenLabel is null && TokenSerial is null)
        {
            throw new ArgumentException("HSM TokenLabel or TokenSerial is required", nameof(TokenLabel));
        }
        if (PinProvider is null)
        {
            throw new ArgumentException("HSM PinProvider is required", nameof(PinProvider));
        }
        if (MaxSessions < 1)
        {
            throw new ArgumentException("HSM MaxSessions must be at least 1", nameof(MaxSessions));
        }
    }
}
