namespace SigningService.Cryptoki.Pooling;

public enum HsmTokenStatus
{
    Ready,
    LoginFailed,
    Unavailable,
}

// For readiness checks. Message names the token and the CKR code, never the PIN.
public sealed record HsmTokenState(HsmTokenStatus Status, string Message)
{
    public bool IsReady => Status == HsmTokenStatus.Ready;
}
