using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SigningService.Telemetry;

/// <summary>Builds the providers at start (so the first request is traced) and disposes them on shutdown (flush).</summary>
internal sealed class TelemetryLifetime(IServiceProvider services) : IHostedService
{
    private TracerProvider? _tracer;
    private MeterProvider? _meter;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _tracer = services.GetRequiredService<TracerProvider>();
        _meter = services.GetRequiredService<MeterProvider>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracer?.ForceFlush(5000);
        _meter?.ForceFlush(5000);
        return Task.CompletedTask;
    }
}
