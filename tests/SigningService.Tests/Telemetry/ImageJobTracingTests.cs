using System.Diagnostics;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Resilience;
using Xunit.Abstractions;

namespace SigningService.Tests.Telemetry;

/// <summary>Every step of a sign-image job is a span in the caller's trace, linked the right way.</summary>
public sealed class ImageJobTracingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SignImage_WithTraceparent_EveryStepIsASpanInTheCallersTrace()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync();
        var image = await harness.PushAsync();

        var (view, traceId) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });
        await Task.Delay(200); // the request span stops after the response is written

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        Assert.Equal(traceId, view["traceId"]!.GetValue<string>());
        var server = trace.Single(s => s.Source.Name == "Microsoft.AspNetCore");
        var enqueue = Spans.Named(trace, "job.enqueue").Single();
        var wait = Spans.Named(trace, "job.queue_wait").Single();
        var run = Spans.Named(trace, "job.run sign-image").Single();
        var key = Spans.Named(trace, "key.resolve").Single();
        var resolve = Spans.Named(trace, "registry.resolve").Single();
        var cosign = Spans.Named(trace, "cosign sign").Single();

        Assert.Equal(server.SpanId, enqueue.ParentSpanId);
        Assert.Equal(enqueue.SpanId, wait.ParentSpanId);
        Assert.Equal(enqueue.SpanId, run.ParentSpanId);
        Assert.All([key, resolve, cosign], s => Assert.Equal(run.SpanId, s.ParentSpanId));
        // Steps in order, each inside the run.
        Assert.True(resolve.StartTimeUtc <= key.StartTimeUtc && key.StartTimeUtc <= cosign.StartTimeUtc, Spans.Describe(trace));
        Assert.All([key, resolve, cosign], s => Assert.InRange(s.StartTimeUtc, run.StartTimeUtc, run.StartTimeUtc + run.Duration));
        Assert.Equal(image.Digest, resolve.GetTagItem("digest"));
        Assert.Equal("release", key.GetTagItem("key.name"));
        Assert.Equal(0, cosign.GetTagItem("cosign.attempt"));
        Assert.Equal(0, cosign.GetTagItem("process.exit_code"));
        Assert.Equal(harness.Host, cosign.GetTagItem("server.address"));
        Assert.Contains("--key=", (string)cosign.GetTagItem("cosign.args")!, StringComparison.Ordinal);
        Assert.Equal("succeeded", run.GetTagItem("job.status"));
        // sign-image writes to the registry and stores no artifact of its own, so there is no artifact.store span.
        Assert.Empty(view["artifacts"]!.AsArray());
        Assert.Empty(Spans.Named(trace, "artifact.store"));
        Assert.All(trace, s => Assert.NotEqual(ActivityStatusCode.Error, s.Status));
    }
}
