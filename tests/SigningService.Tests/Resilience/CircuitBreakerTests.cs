using System.Diagnostics;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SigningService.Tests.Resilience;

/// <summary>A registry that stays down: bounded attempts, then an open circuit that fails jobs fast until it is back.</summary>
public sealed class CircuitBreakerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan BreakDuration = TimeSpan.FromSeconds(4);

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Resilience:MaxAttempts"] = "3",
        ["Resilience:BaseDelay"] = "00:00:00.1",
        ["Resilience:BreakerMinimumThroughput"] = "3",
        ["Resilience:BreakerFailureRatio"] = "0.5",
        ["Resilience:BreakerSamplingDuration"] = "00:01:00",
        ["Resilience:BreakerBreakDuration"] = BreakDuration.ToString(),
    };

    [Fact]
    public async Task SignImage_RegistryDownForGood_FailsAfterAttemptsThenFastWhileOpenThenSucceedsWhenBack()
    {
        using var spans = new SpanCollector();
        using var metrics = new MetricCollector();
        await using var harness = await ResilienceHarness.StartAsync(Settings());
        var image = await harness.PushAsync();
        await harness.Registry.StopAsync();

        // 1. The configured attempts, all failing: registry-unavailable, and the breaker has seen enough to open.
        var (first, firstTrace) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });
        var openedAt = Stopwatch.StartNew();
        output.WriteLine(Spans.Describe(spans.InTrace(firstTrace)));
        AssertFailedUnavailable(first);
        Assert.Equal(3, Spans.Named(spans.InTrace(firstTrace), "cosign sign").Length);
        Assert.Equal("Open", await CircuitStateAsync(harness));
        metrics.Observe();
        // Polly's CircuitState as a gauge: 1 is Open.
        Assert.Equal(1, metrics.Of("signingservice.circuit.state", ("endpoint", harness.Host)).Last().Value);
        Assert.NotEmpty(metrics.Of("signingservice.jobs", ("operation", "sign-image"), ("outcome", "failed")));

        // 2. While open: jobs fail at once, with no cosign run and no registry request (digest and tag references alike).
        var clock = Stopwatch.StartNew();
        var (byDigest, digestTrace) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });
        var (byTag, tagTrace) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });
        clock.Stop();
        Assert.True(openedAt.Elapsed < BreakDuration, "the machine was too slow to observe the open circuit");
        AssertFailedUnavailable(byDigest);
        AssertFailedUnavailable(byTag);
        Assert.Contains("circuit open", byDigest["error"]!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Spans.Named(spans.InTrace(digestTrace), "cosign sign"));
        Assert.Empty(Spans.Named(spans.InTrace(tagTrace), "registry.resolve"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"fail-fast jobs took {clock.Elapsed}");

        // 3. Registry back and the break over: the half-open trial call succeeds and closes the circuit.
        await harness.Registry.StartAsync();
        var rest = BreakDuration - openedAt.Elapsed + TimeSpan.FromMilliseconds(300);
        if (rest > TimeSpan.Zero)
        {
            await Task.Delay(rest);
        }
        var (last, lastTrace) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });
        output.WriteLine(Spans.Describe(spans.InTrace(lastTrace)));
        Assert.True(last["status"]!.GetValue<string>() == "succeeded", last.ToJsonString());
        Assert.Equal("Closed", await CircuitStateAsync(harness));
    }

    private static void AssertFailedUnavailable(JsonObject job)
    {
        Assert.True(job["status"]!.GetValue<string>() == "failed", job.ToJsonString());
        Assert.Equal("/problems/registry-unavailable", job["error"]!["type"]!.GetValue<string>());
    }

    private static async Task<string?> CircuitStateAsync(ResilienceHarness harness)
    {
        var ready = await TestApi.GetJsonAsync(harness.Client, "/health/ready");
        return ready["checks"]!["service"]!["data"]!["circuits"]![harness.Host]?.GetValue<string>();
    }
}
