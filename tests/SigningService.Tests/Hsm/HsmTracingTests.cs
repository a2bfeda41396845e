using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Hsm;

/// <summary>The HSM operation behind a job is a span in the job's trace (via the relay) and a metric.</summary>
[Collection(HsmCollection.Name)]
public sealed class HsmTracingTests(HsmCollectionFixture hsm)
{
    [Fact]
    public async Task SignBlob_HsmKey_HsmSignSpanInJobTraceAndOperationCounted()
    {
        using var spans = new SpanCollector();
        using var metrics = new MetricCollector();
        var client = hsm.Service.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sign/blob")
        {
            Content = TestApi.Form(("file", RandomNumberGenerator.GetBytes(512)), ("key", "hsm-p256"), ("tlog", "false")),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("Prefer", "wait=60");

        using var response = await client.SendAsync(request);
        var job = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.True(job!["status"]!.GetValue<string>() == "succeeded", job.ToJsonString());
        var trace = spans.InTrace(traceId.ToString());
        var relay = trace.Single(s => s.DisplayName == "kms-relay sign");
        var sign = trace.Single(s => s.DisplayName == "hsm.sign");
        Assert.Equal(relay.SpanId, sign.ParentSpanId);
        Assert.Equal("hsm-p256", sign.GetTagItem("key.name"));
        Assert.NotEqual(ActivityStatusCode.Error, sign.Status);
        Assert.Contains(trace, s => s.SpanId == relay.ParentSpanId);
        var cosign = trace.Single(s => s.DisplayName == "cosign sign-blob");
        Assert.InRange(sign.StartTimeUtc, cosign.StartTimeUtc, cosign.StartTimeUtc + cosign.Duration);
        Assert.NotEmpty(metrics.Of("signingservice.hsm.operations", ("operation", "sign"), ("outcome", "succeeded"),
            ("token", sign.GetTagItem("hsm.token"))));
    }
}
