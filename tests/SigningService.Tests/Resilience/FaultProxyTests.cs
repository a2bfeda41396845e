using System.Diagnostics;
using System.Net;
using SigningService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SigningService.Tests.Resilience;

/// <summary>Faults injected between the service (and cosign) and a real registry: slow answers and 429s.</summary>
public sealed class FaultProxyTests(ITestOutputHelper output)
{
    // Long enough for a healthy cosign run on a loaded machine, far shorter than the injected stall.
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(90);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Resilience:AttemptTimeout"] = AttemptTimeout.ToString(),
        ["Resilience:BaseDelay"] = "00:00:00.05",
    };

    [Fact]
    public async Task SignImage_FirstCosignRequestStalls_AttemptTimesOutAndRetrySucceeds()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync(Settings(), proxy: true);
        var image = await harness.PushAsync();
        harness.Proxy!.DelayNext(1, Stall);

        var clock = Stopwatch.StartNew();
        var (view, traceId) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });
        clock.Stop();

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        var attempts = Spans.Named(trace, "cosign sign");
        Assert.Equal(2, attempts.Length);
        // The stalled run was cut off at the attempt timeout (not left to the proxy), then killed.
        Assert.Equal(ActivityStatusCode.Error, attempts[0].Status);
        Assert.Null(attempts[0].GetTagItem("process.exit_code"));
        Assert.InRange(attempts[0].Duration, AttemptTimeout - TimeSpan.FromMilliseconds(200), AttemptTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal(0, attempts[1].GetTagItem("process.exit_code"));
        Assert.Contains(harness.Proxy.Log, e => e.Status == 0);
        Assert.True(clock.Elapsed < Stall, $"the job took {clock.Elapsed}");
    }

    [Fact]
    public async Task SignImage_DigestResolutionStalls_AttemptTimesOutAndRetrySucceeds()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync(Settings(), proxy: true);
        var image = await harness.PushAsync();
        harness.Proxy!.DelayNext(1, Stall);

        var (view, traceId) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        var resolutions = Spans.Named(trace, "registry.resolve");
        Assert.Equal(2, resolutions.Length);
        Assert.Equal(ActivityStatusCode.Error, resolutions[0].Status);
        Assert.InRange(resolutions[0].Duration, AttemptTimeout - TimeSpan.FromMilliseconds(200), AttemptTimeout + TimeSpan.FromSeconds(10));
        Assert.Equal(ActivityStatusCode.Unset, resolutions[1].Status);
        Assert.Single(Spans.Named(trace, "cosign sign"));
    }

    [Fact]
    public async Task SignImage_DigestResolutionAnswered429WithRetryAfter_RetriedAfterTheAskedDelay()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync(Settings(), proxy: true);
        var image = await harness.PushAsync();
        harness.Proxy!.FailNext(1, HttpStatusCode.TooManyRequests, retryAfterSeconds: 2);

        var (view, traceId) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        output.WriteLine(string.Join('\n', harness.Proxy.Log));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        var log = harness.Proxy.Log;
        var refused = log.Single(e => e.Status == 429);
        var next = log.First(e => e.At > refused.At);
        // Our own backoff starts at 50 ms: only the registry's Retry-After explains a 2 s pause.
        Assert.True(next.At - refused.At >= TimeSpan.FromSeconds(1.9), $"retried after {next.At - refused.At}");
        var retry = Spans.Named(trace, "job.run sign-image").Single().Events.Single(e => e.Name == "retry");
        Assert.Equal(2000d, (double)retry.Tags.Single(t => t.Key == "retry.delay_ms").Value!);
    }

    [Fact]
    public async Task SignImage_CosignAnswered429Twice_CosignRerunAndSucceeds()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync(Settings(), proxy: true);
        var image = await harness.PushAsync();
        harness.Proxy!.FailNext(2, HttpStatusCode.TooManyRequests, retryAfterSeconds: 1);

        var (view, traceId) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        output.WriteLine(string.Join('\n', harness.Proxy.Log));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        Assert.Equal(2, harness.Proxy.InjectedFailures);
        // go-containerregistry gives up on a 429 to its ping at once (it retries some other requests itself),
        // so each injected 429 shows as one failed cosign attempt, and the pipeline ran another.
        var attempts = Spans.Named(trace, "cosign sign");
        Assert.True(attempts.Length >= 2, Spans.Describe(trace));
        Assert.All(attempts[..^1], a => Assert.Equal(ActivityStatusCode.Error, a.Status));
        Assert.Equal(0, attempts[^1].GetTagItem("process.exit_code"));
    }
}
