using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SigningService.Jobs;

/// <summary>The bounded queue between endpoints and workers; full means 503, never an unbounded backlog.</summary>
public sealed class JobQueue
{
    public JobQueue(IOptions<JobOptions> options, System.Diagnostics.Metrics.IMeterFactory meters)
    {
        _channel = Channel.CreateBounded<Job>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
        meters.Create(Telemetry.ServiceMetrics.MeterName)
            .CreateObservableGauge("signingservice.queue.depth", () => Depth, description: "Jobs waiting for a worker");
    }

    private readonly Channel<Job> _channel;

    public bool TryEnqueue(Job job) => _channel.Writer.TryWrite(job);

    public int Depth => _channel.Reader.Count;

    public IAsyncEnumerable<Job> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
