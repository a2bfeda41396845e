namespace SigningService.Auth.Jwt;

/// <summary>Stable reason codes; safe to log and to map to 401 responses.</summary>
public enum JwtFailureReason
{
    Malformed,
    TooLarge,
    UnsupportedAlgorithm,
    UnsupportedCriticalHeader,
    UnknownIssuer,
    UnknownKey,
    KeyMismatch,
    WeakKey,
    BadSignature,
    MissingClaim,
    Expired,
    NotYetValid,
    IssuedInFuture,
    WrongAudience,
    JwksUnavailable,
}
