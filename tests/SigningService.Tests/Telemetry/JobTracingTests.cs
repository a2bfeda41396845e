using System.Diagnostics;
using System.Text;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Telemetry;

/// <summary>One trace per request, continued into the job, with a span per step.</summary>
public sealed class JobTracingTests
{
    [Fact]
    public async Task SignBlob_WithTraceparent_JobSpansContinueCallersTrace()
    {
        using var spans = new SpanCollector();
        using var factory = new ServiceFactory();
        var client = factory.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sign/blob")
        {
            Content = TestApi.Form(("file", Encoding.UTF8.GetBytes("traced"))),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{parentSpan}-01");
        request.Headers.Add("Prefer", "wait=60");

        var response = await client.SendAsync(request);
        var job = await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content);

        Assert.Equal("succeeded", job!["status"]!.GetValue<string>());
        Assert.Equal(traceId.ToString(), job["traceId"]!.GetValue<string>());
        await Task.Delay(200); // the request span stops after the response is written
        var trace = spans.InTrace(traceId.ToString());
        var names = trace.Select(s => s.DisplayName).ToHashSet();
        foreach (var expected in new[] { "job.enqueue", "job.queue_wait", "job.run sign-blob", "key.resolve", "cosign sign-blob", "artifact.store" })
        {
            Assert.Contains(expected, names);
        }

        var server = trace.Single(s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(parentSpan, server.ParentSpanId);
        var byId = trace.ToDictionary(s => s.SpanId);
        var enqueue = trace.Single(s => s.DisplayName == "job.enqueue");
        var run = trace.Single(s => s.DisplayName == "job.run sign-blob");
        var cosign = trace.Single(s => s.DisplayName == "cosign sign-blob");
        Assert.Equal(server.SpanId, enqueue.ParentSpanId);
        Assert.Equal(enqueue.SpanId, run.ParentSpanId);
        Assert.Equal(enqueue.SpanId, trace.Single(s => s.DisplayName == "job.queue_wait").ParentSpanId);
        Assert.Equal(run.SpanId, cosign.ParentSpanId);
        Assert.Equal(run.SpanId, trace.Single(s => s.DisplayName == "key.resolve").ParentSpanId);
        Assert.Equal(0, cosign.GetTagItem("cosign.attempt"));
        Assert.Equal(0, cosign.GetTagItem("process.exit_code"));
        Assert.True(byId.ContainsKey(run.ParentSpanId));
    }
}
