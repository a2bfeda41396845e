using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;
using SigningService.Tests.Registry;

namespace SigningService.Tests.Resilience;

/// <summary>
/// A private registry (optionally behind a <see cref="FaultProxy"/>) and a service configured for it with
/// small resilience settings, so faults can be injected without disturbing the shared registries.
/// Each test owns one: circuits are per service and per host.
/// </summary>
public sealed class ResilienceHarness : IAsyncDisposable
{
    private readonly SecretFiles _secrets = new();

    private ResilienceHarness(RegistryServer registry, FaultProxy? proxy)
    {
        Registry = registry;
        Proxy = proxy;
    }

    public RegistryServer Registry { get; }

    public FaultProxy? Proxy { get; }

    public ServiceFactory Factory { get; private set; } = null!;

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? _derived;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The host the service talks to: the proxy when there is one.</summary>
    public string Host => Proxy?.Host ?? Registry.Host;

    /// <summary>Fast backoff, many attempts, a breaker that stays out of the way unless a test overrides it.</summary>
    public static Dictionary<string, string?> FastRetries() => new()
    {
        ["Resilience:MaxAttempts"] = "6",
        ["Resilience:BaseDelay"] = "00:00:00.5",
        ["Resilience:MaxDelay"] = "00:00:05",
        ["Resilience:AttemptTimeout"] = "00:01:00",
        ["Resilience:TotalTimeout"] = "00:02:00",
        ["Resilience:BreakerMinimumThroughput"] = "1000",
    };

    public static async Task<ResilienceHarness> StartAsync(
        IDictionary<string, string?>? overrides = null, bool proxy = false, bool basicAuth = false,
        Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? webHost = null)
    {
        var registry = basicAuth ? await RegistryServer.StartBasicAuthAsync() : await RegistryServer.StartPlainAsync();
        var harness = new ResilienceHarness(registry, proxy ? await FaultProxy.StartAsync(registry.BaseUri) : null);
        var settings = FastRetries();
        settings["Registries:WorkDirectory"] = harness._secrets.Directory;
        settings["Registries:Hosts:0:Host"] = harness.Host;
        settings["Registries:Hosts:0:Insecure"] = "true";
        if (basicAuth)
        {
            settings["Registries:Hosts:0:Username"] = registry.Username;
            settings["Registries:Hosts:0:PasswordFile"] = harness._secrets.Write("registry-password", registry.Password!);
        }
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        harness.Factory = new ServiceFactory(settings);
        // WithWebHostBuilder keeps the factory's settings and its client configuration (the admin API key).
        harness._derived = webHost is null ? null : harness.Factory.WithWebHostBuilder(webHost);
        harness.Client = harness._derived?.CreateClient() ?? harness.Factory.CreateClient();
        return harness;
    }

    /// <summary>Pushes a fresh image straight to the registry; the returned references name <see cref="Host"/>.</summary>
    public async Task<PushedImage> PushAsync(string prefix = "resil")
    {
        using var pusher = new OciImagePusher(Registry);
        var image = await pusher.PushRandomImageAsync(RegistryFixture.UniqueRepository(prefix));
        return image with { Registry = Host };
    }

    /// <summary>Posts with a fresh traceparent and Prefer: wait; returns the job view and the trace id sent.</summary>
    public async Task<(JsonObject Job, string TraceId)> PostTracedAsync(string path, object body)
    {
        var traceId = ActivityTraceId.CreateRandom().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        request.Headers.Add("Prefer", "wait=120");
        using var response = await Client.SendAsync(request);
        var job = await response.Content.ReadFromJsonAsync<JsonObject>() ?? [];
        Assert.True(job["status"] is not null, $"{path}: {(int)response.StatusCode} {job}");
        return (job, traceId);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        _derived?.Dispose();
        Factory?.Dispose();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
        await Registry.DisposeAsync();
        _secrets.Dispose();
    }
}

public static class Spans
{
    public static Activity[] Named(IEnumerable<Activity> spans, string name) =>
        [.. spans.Where(s => s.DisplayName == name).OrderBy(s => s.StartTimeUtc)];

    public static string Describe(IEnumerable<Activity> spans) =>
        string.Join('\n', spans.OrderBy(s => s.StartTimeUtc).Select(s =>
            $"{s.StartTimeUtc:HH:mm:ss.fff} {s.DisplayName} {s.Status} {s.StatusDescription} " +
            string.Join(' ', s.TagObjects.Where(t => t.Key != "cosign.args").Select(t => $"{t.Key}={t.Value}"))));
}
