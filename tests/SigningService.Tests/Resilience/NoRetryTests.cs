using SigningService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SigningService.Tests.Resilience;

/// <summary>
/// Answers are never retried: a verification that says no runs cosign once. (Wrong registry credentials:
/// Oci/RegistryAccessTests.RegistryAuthFailureTests shows one cosign run and registry-auth.)
/// </summary>
public sealed class NoRetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task VerifyImage_WrongKey_VerifiedFalseAfterExactlyOneCosignRun()
    {
        using var spans = new SpanCollector();
        await using var harness = await ResilienceHarness.StartAsync();
        var image = await harness.PushAsync();
        var (signed, _) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.DigestReference });
        Assert.True(signed["status"]!.GetValue<string>() == "succeeded", signed.ToJsonString());

        var (view, traceId) = await harness.PostTracedAsync("/v1/verify/image",
            new { image = image.DigestReference, key = TestKeys.Other, ignoreTlog = true });

        var trace = spans.InTrace(traceId);
        output.WriteLine(Spans.Describe(trace));
        Assert.True(view["status"]!.GetValue<string>() == "succeeded", view.ToJsonString());
        Assert.False(view["result"]!["verified"]!.GetValue<bool>());
        var run = Assert.Single(Spans.Named(trace, "cosign verify"));
        Assert.NotEqual(0, run.GetTagItem("process.exit_code"));
        Assert.DoesNotContain(Spans.Named(trace, "job.run verify-image").Single().Events, e => e.Name == "retry");
    }
}
