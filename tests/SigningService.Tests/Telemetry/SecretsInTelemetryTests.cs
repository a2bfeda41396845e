using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Resilience;

namespace SigningService.Tests.Telemetry;

/// <summary>No secret the service handles ever reaches a span, a span event, a metric label or a log entry.</summary>
public sealed class SecretsInTelemetryTests
{
    private const string WrongApiKey = "ss_not-a-key-but-still-a-secret-0123456789";

    [Fact]
    public async Task Jobs_WithKeyPasswordRegistryPasswordAndApiKeys_NoSecretInSpansMetricsOrLogs()
    {
        using var spans = new SpanCollector();
        using var metrics = new MetricCollector();
        var logs = new InMemoryLoggerProvider();
        await using var harness = await ResilienceHarness.StartAsync(basicAuth: true, webHost: b => b.ConfigureLogging(l =>
        {
            l.AddProvider(logs);
            // A provider-specific rule beats the configured Logging:LogLevel ones: this capture sees every level.
            l.AddFilter<InMemoryLoggerProvider>(null, LogLevel.Trace);
        }));
        var keyPassword = (await File.ReadAllTextAsync(TestKeys.PasswordFile(harness.Factory.KeysFolder, TestKeys.Release))).Trim();
        var registryPassword = harness.Registry.Password!;
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{harness.Registry.Username}:{registryPassword}"));
        string[] secrets = [keyPassword, registryPassword, basic, ServiceFactory.AdminApiKey, WrongApiKey];
        Assert.All(secrets, s => Assert.True(s.Length >= 8, "test secrets must be distinctive"));

        var image = await harness.PushAsync();
        var (signed, signTrace) = await harness.PostTracedAsync("/v1/sign/image", new { image = image.TagReference });
        var (verified, _) = await harness.PostTracedAsync("/v1/verify/image", new { image = image.TagReference, key = TestKeys.Release, ignoreTlog = true });
        var blob = await TestApi.RunJobAsync(harness.Client, "/v1/sign/blob", TestApi.Form(("file", Encoding.UTF8.GetBytes("secret-free")), ("tlog", "false")));
        using var refused = new HttpRequestMessage(HttpMethod.Get, "/v1/keys");
        refused.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", WrongApiKey);
        using var refusal = await harness.Client.SendAsync(refused);
        await Task.Delay(300); // request spans stop after their responses are written

        Assert.True(signed["status"]!.GetValue<string>() == "succeeded", signed.ToJsonString());
        Assert.True(verified["result"]?["verified"]?.GetValue<bool>() == true, verified.ToJsonString());
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        // The capture saw the work (so an empty capture cannot pass): cosign runs, the registry, the key.
        Assert.NotEmpty(spans.InTrace(signTrace));
        Assert.Contains("Running cosign sign", logs.AllText, StringComparison.Ordinal); // Debug level: everything is captured
        Assert.Contains(metrics.Measurements, m => m.Instrument == "signingservice.jobs");

        var spanText = string.Join('\n', spans.Spans.Select(Describe));
        var metricText = string.Join('\n', metrics.Measurements.Select(m => string.Join(',', m.Tags.Select(t => $"{t.Key}={t.Value}"))));
        var logText = logs.AllText;
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, spanText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, metricText, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, logText, StringComparison.Ordinal);
        }
        Assert.DoesNotContain(keyPassword, blob.ToJsonString(), StringComparison.Ordinal);
    }

    private static string Describe(Activity span) =>
        $"{span.DisplayName} {span.StatusDescription} " +
        string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(' ', span.Baggage.Select(b => $"{b.Key}={b.Value}")) + " " +
        string.Join(' ', span.Events.Select(e => e.Name + " " + string.Join(' ', e.Tags.Select(t => $"{t.Key}={t.Value}")))) + " " +
        span.TraceStateString;
}
