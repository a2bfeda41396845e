namespace SigningService.Resilience;

/// <summary>Carries a transient failure through the Polly pipeline so that it is retried.</summary>
public sealed class TransientRemoteException(string message, object? outcome = null) : Exception(message)
{
    public object? Outcome { get; } = outcome;
}
