using SigningService.Cryptoki.Pooling;

namespace SigningService.Hsm;

/// <summary>
/// Connects every token pool at start (before keys load). A token that is missing or rejects its PIN
/// does not stop the service: readiness reports it, naming the token.
/// </summary>
public sealed partial class HsmConnector(HsmTokenPools pools, ILogger<HsmConnector> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var (name, pool) in pools.All)
        {
            var state = pool.Connect();
            if (state.IsReady)
            {
                LogReady(logger, name, pool.MaxSessions);
            }
            else
            {
                // The state message names the token and the CKR code; the PIN never reaches it.
                LogNotReady(logger, name, state.Status, state.Message);
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "HSM token '{Token}' is ready ({MaxSessions} sessions)")]
    private static partial void LogReady(ILogger logger, string token, int maxSessions);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Error, Message = "HSM token '{Token}' is not ready ({Status}): {Detail}")]
    private static partial void LogNotReady(ILogger logger, string token, HsmTokenStatus status, string detail);
}
