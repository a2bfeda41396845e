using System.Collections.Concurrent;
using System.Diagnostics;

namespace SigningService.Tests.Infrastructure;

/// <summary>An in-process listener that keeps every span of the service's sources (and ASP.NET Core's).</summary>
public sealed class SpanCollector : IDisposable
{
    private readonly ActivityListener _listener;

    public SpanCollector()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("SigningService", StringComparison.Ordinal) || s.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => Spans.Add(a),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public IReadOnlyList<Activity> InTrace(string traceId) => [.. Spans.Where(s => s.TraceId.ToString() == traceId)];

    public void Dispose() => _listener.Dispose();
}
