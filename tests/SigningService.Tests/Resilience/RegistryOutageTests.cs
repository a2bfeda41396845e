using SigningService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SigningService.Tests.Resilience;

/// <summary>A registry that goes away and comes back: jobs ride it out, and the trace shows how.</summary>
public sealed class RegistryOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SignImage_DigestReferenceRegistryRestartedAfterTwoSeconds_SucceedsAfterFailedCosignAttempts()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync();
        var image = await harness.PushAsync();
        await harness.Registry.StopAsync();

        var job = harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });
        await Task.Delay(Outage);
        await harness.Registry.StartAsync();
        var (view, traceId) = await job;

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        var attempts = Spans.Named(trace, "cosign sign");
        Assert.True(attempts.Length >= 2, Spans.Describe(trace));
        Assert.All(attempts[..^1], a =>
        {
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, a.Status);
            Assert.NotEqual(0, a.GetTagItem("process.exit_code"));
        });
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Unset, attempts[^1].Status);
        Assert.Equal(Enumerable.Range(0, attempts.Length), attempts.Select(a => (int)a.GetTagItem("cosign.attempt")!));
        Assert.All(attempts, a => Assert.Equal(harness.Host, a.GetTagItem("server.address")));
        // Each retry is an event on the job's run span, with its attempt number and backoff.
        var run = Spans.Named(trace, "job.run sign-image").Single();
        Assert.Equal(attempts.Length - 1, run.Events.Count(e => e.Name == "retry"));
    }

    [Fact]
    public async Task SignImage_TagReferenceRegistryRestartedAfterTwoSeconds_ResolutionRetriedThenOneCosignRun()
    {
        using var spans = new SpanCollector();
        using var metrics = new MetricCollector();
        await using var harness = await ResilienceHarness.StartAsync();
        var image = await harness.PushAsync();
        await harness.Registry.StopAsync();

        var job = harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });
        await Task.Delay(Outage);
        await harness.Registry.StartAsync();
        var (view, traceId) = await job;

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        Assert.Equal(image.Digest, view["result"]!["digest"]!.GetValue<string>());
        // The service's own tag → digest lookup went through the same pipeline: failed attempts, then one that worked.
        var resolutions = Spans.Named(trace, "registry.resolve");
        Assert.True(resolutions.Length >= 2, Spans.Describe(trace));
        Assert.All(resolutions[..^1], r =>
        {
            Assert.Equal(System.Diagnostics.ActivityStatusCode.Error, r.Status);
            Assert.Equal("RegistryUnavailableException", r.GetTagItem("error.type"));
        });
        Assert.Equal(System.Diagnostics.ActivityStatusCode.Unset, resolutions[^1].Status);
        Assert.Equal(Enumerable.Range(0, resolutions.Length), resolutions.Select(r => (int)r.GetTagItem("registry.attempt")!));
        // cosign only ran once the digest was known, and against a registry that answered.
        var cosign = Assert.Single(Spans.Named(trace, "cosign sign"));
        Assert.True(cosign.StartTimeUtc >= resolutions[^1].StartTimeUtc);
        // Metrics: one retry per failed resolution for this registry, and the job counted by operation and outcome.
        Assert.Equal(resolutions.Length - 1, metrics.Of("signingservice.retries", ("endpoint", harness.Host)).Sum(m => m.Value));
        Assert.NotEmpty(metrics.Of("signingservice.jobs", ("operation", "sign-image"), ("outcome", "succeeded")));
    }
}
