namespace SigningService.Cryptoki.Pooling;

// Epoch: the pool's recovery count when the session was opened; sessions from older epochs are never reused.
internal sealed record PooledSession(Session Session, int Epoch);
