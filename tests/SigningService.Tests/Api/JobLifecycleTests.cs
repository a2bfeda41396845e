using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Api;

/// <summary>Cancel, queue full, timeouts and Prefer: wait, with a stub cosign that sleeps.</summary>
public sealed class JobLifecycleTests : IDisposable
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("payload");
    private readonly StubCosign _stub = new();
    private readonly List<ServiceFactory> _factories = [];

    private HttpClient Start(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["Cosign:Path"] = _stub.Path, ["Jobs:Workers"] = "1" };
        foreach (var (k, v) in settings)
        {
            overrides[k] = v;
        }
        var factory = new ServiceFactory(overrides);
        _factories.Add(factory);
        return factory.CreateClient();
    }

    private static async Task<JsonObject> SubmitAsync(HttpClient client)
    {
        var response = await client.PostAsync("/v1/sign/blob", TestApi.Form(("file", Payload)));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<JsonObject> WaitForStatusAsync(HttpClient client, string id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await TestApi.GetJsonAsync(client, $"/v1/jobs/{id}");
            if (statuses.Contains(job["status"]!.GetValue<string>()) || DateTime.UtcNow > deadline)
            {
                return job;
            }
            await Task.Delay(50);
        }
    }

    private async Task<int> WaitForPidAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (_stub.Pids.Length < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        return _stub.Pids[count - 1];
    }

    [Fact]
    public async Task Delete_RunningJob_KillsCosignAndEndsCancelled()
    {
        var client = Start();
        var id = (await SubmitAsync(client))["id"]!.GetValue<string>();
        var pid = await WaitForPidAsync(1);
        Assert.True(StubCosign.IsAlive(pid));

        var response = await client.DeleteAsync($"/v1/jobs/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var job = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("cancelled", job["status"]!.GetValue<string>());
        Assert.False(StubCosign.IsAlive(pid), "the cosign process must be killed");
        Assert.False(Directory.Exists(Path.Combine(_factories[0].StorageRoot, id, "work")), "the job's inputs must be deleted");
    }

    [Fact]
    public async Task Delete_QueuedJob_CancelledWithoutRunning()
    {
        var client = Start();
        var first = (await SubmitAsync(client))["id"]!.GetValue<string>();
        await WaitForPidAsync(1);
        var second = (await SubmitAsync(client))["id"]!.GetValue<string>();
        Assert.Equal("queued", (await TestApi.GetJsonAsync(client, $"/v1/jobs/{second}"))["status"]!.GetValue<string>());

        var response = await client.DeleteAsync($"/v1/jobs/{second}");

        var job = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("cancelled", job["status"]!.GetValue<string>());
        Assert.Null(job["startedAt"]);
        await client.DeleteAsync($"/v1/jobs/{first}");
        await Task.Delay(300);
        Assert.Single(_stub.Pids);
    }

    [Fact]
    public async Task Post_QueueFull_503WithRetryAfterAndNothingLeft()
    {
        var client = Start(("Jobs:QueueCapacity", "1"), ("Jobs:RetryAfterSeconds", "7"));
        var running = (await SubmitAsync(client))["id"]!.GetValue<string>();
        await WaitForPidAsync(1);
        var queued = (await SubmitAsync(client))["id"]!.GetValue<string>();
        var folders = _factories[0].JobFolders();

        var response = await client.PostAsync("/v1/sign/blob", TestApi.Form(("file", Payload)));

        await BadInputTests.AssertProblemAsync(response, 503, "queue-full", "queue full");
        Assert.Equal("7", response.Headers.RetryAfter!.ToString());
        Assert.Equal(folders, _factories[0].JobFolders());
        await client.DeleteAsync($"/v1/jobs/{queued}");
        await client.DeleteAsync($"/v1/jobs/{running}");
    }

    [Fact]
    public async Task Run_CosignOverTimeout_FailsWithTimeoutProblemAndKillsIt()
    {
        var client = Start(("Cosign:Timeout", "00:00:01"));

        var (response, job) = await TestApi.PostWaitAsync(client, "/v1/sign/blob", TestApi.Form(("file", Payload)), 30);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.Equal("/problems/cosign-timeout", job["error"]!["type"]!.GetValue<string>());
        Assert.False(StubCosign.IsAlive(_stub.Pids.Single()));
    }

    [Fact]
    public async Task PreferWait_JobNotDoneInTime_Answers202()
    {
        var client = Start();

        var (response, job) = await TestApi.PostWaitAsync(client, "/v1/sign/blob", TestApi.Form(("file", Payload)), 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("wait=1", response.Headers.GetValues("Preference-Applied").Single());
        await client.DeleteAsync($"/v1/jobs/{job["id"]}");
    }

    [Fact]
    public async Task Delete_FinishedJob_Conflict()
    {
        var client = Start();
        var id = (await SubmitAsync(client))["id"]!.GetValue<string>();
        await WaitForPidAsync(1);
        await client.DeleteAsync($"/v1/jobs/{id}");

        var again = await client.DeleteAsync($"/v1/jobs/{id}");

        await BadInputTests.AssertProblemAsync(again, 409, "job-finished", "second cancel");
    }

    [Fact]
    public void Start_CosignMissing_RefusesWithMessageNamingSetting()
    {
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Cosign:Path"] = "/nonexistent/cosign" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("cosign was not found", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Cosign:Path", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_CosignTooOld_Refuses()
    {
        using var old = new StubCosign("v2.5.3");
        using var factory = new ServiceFactory(new Dictionary<string, string?> { ["Cosign:Path"] = old.Path });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("needs cosign 3.0 or newer", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var factory in _factories)
        {
            factory.Dispose();
        }
        foreach (var pid in _stub.Pids.Where(StubCosign.IsAlive))
        {
            try { System.Diagnostics.Process.GetProcessById(pid).Kill(); } catch (ArgumentException) { }
        }
        _stub.Dispose();
    }
}
