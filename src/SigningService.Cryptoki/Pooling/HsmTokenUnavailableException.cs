namespace SigningService.Cryptoki.Pooling;

// The pool cannot run operations: the token is missing, its PIN was rejected, or recovery failed.
public sealed class HsmTokenUnavailableException(HsmTokenState state) : Exception(state.Message)
{
    public HsmTokenState State { get; } = state;
}
