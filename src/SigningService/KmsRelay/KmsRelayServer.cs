using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SigningService.KmsRelay.Wire;

namespace SigningService.KmsRelay;

// Accepts plugin connections on the Unix socket; one request/response per connection.
internal sealed class KmsRelayServer(
    KmsRelayEndpoint endpoint,
    KmsRelayRequestHandler handler,
    IOptions<KmsRelayOptions> options,
    ILogger<KmsRelayServer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentRequests);
    private Socket? _listener;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Bind before the host reports "started", so workers never see a missing socket.
        _listener = endpoint.Bind();
        var socketPath = endpoint.RequireSocketPath();
        logger.Listening(socketPath);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("not started");
        var inFlight = new HashSet<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await _slots.WaitAsync(stoppingToken);
                Socket connection;
                try
                {
                    connection = await listener.AcceptAsync(stoppingToken);
                }
                catch
                {
                    _slots.Release();
                    throw;
                }
                var task = ServeAsync(connection, stoppingToken);
                lock (inFlight)
                {
                    inFlight.Add(task);
                }
                _ = task.ContinueWith(t => { lock (inFlight) { inFlight.Remove(t); } }, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] pending;
        lock (inFlight)
        {
            pending = [.. inFlight];
        }
        await Task.WhenAll(pending);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        var directory = endpoint.Directory;
        endpoint.Dispose();
        if (directory is not null)
        {
            logger.Stopped(directory);
        }
    }

    public override void Dispose()
    {
        _slots.Dispose();
        base.Dispose();
    }

    private async Task ServeAsync(Socket connection, CancellationToken stoppingToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(options.Value.RequestTimeout);
            await using var stream = new NetworkStream(connection, ownsSocket: true);
            RelayResponse response;
            var request = await RelayFraming.ReadAsync(stream, RelayJsonContext.Default.RelayRequest, timeout.Token);
            response = request is null
                ? RelayResponse.Fail("malformed request")
                : await handler.HandleAsync(request, timeout.Token);
            await RelayFraming.WriteAsync(stream, response, RelayJsonContext.Default.RelayResponse, timeout.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or InvalidDataException
            or System.Text.Json.JsonException or OperationCanceledException)
        {
            logger.ConnectionFailed(ex.GetType().Name);
        }
        catch (Exception ex)
        {
            logger.ConnectionFailed(ex.GetType().Name);
        }
        finally
        {
            connection.Dispose();
            _slots.Release();
        }
    }
}
