using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace SigningService.Jobs;

/// <summary>The bounded queue between endpoints and workers; full means 503, never an unbounded backlog.</summary>
public sealed class JobQueue(IOptions<JobOptions> options)
{
    private readonly Channel<Job> _channel = Channel.CreateBounded<Job>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = false,
        SingleWriter = false,
    });

    public bool TryEnqueue(Job job) => _channel.Writer.TryWrite(job);

    public int Depth => _channel.Reader.Count;

    public IAsyncEnumerable<Job> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
