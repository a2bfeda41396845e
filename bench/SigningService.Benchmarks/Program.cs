using System.Diagnostics;
using System.Globalization;
using SigningService.Processes;

// Benchmarks: sign-blob throughput and latency through the service versus raw cosign run the way
// a pipeline would (one process per signature), in the same run; and the service's memory while a
// large file streams through it. Figures are ratios: these machines are noisy.
//   bash scripts/bench.sh [signatures] [concurrency] [large-file-MiB]
var signatures = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var largeMiB = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;
var cosign = Environment.GetEnvironmentVariable("SIGNINGSERVICE_COSIGN") ?? "cosign";

var work = Directory.CreateTempSubdirectory("ss-bench-").FullName;
try
{
    var runner = new ProcessRunner(TimeProvider.System);
    const string password = "bench-password";
    await File.WriteAllTextAsync(Path.Combine(work, "password"), password);
    var env = new Dictionary<string, string> { ["COSIGN_PASSWORD"] = password, ["HOME"] = work, ["PATH"] = "/usr/bin:/bin" };
    await runner.RunAsync(new ProcessSpec(cosign, ["generate-key-pair"]) { WorkingDirectory = work, Environment = env }, default);
    await runner.RunAsync(new ProcessSpec(cosign, ["signing-config", "create", "--no-default-rekor", "--no-default-fulcio",
        "--no-default-oidc", "--no-default-tsa", "--out", "sc.json"]) { WorkingDirectory = work, Environment = env }, default);
    var payload = Path.Combine(work, "artifact.bin");
    await File.WriteAllBytesAsync(payload, System.Security.Cryptography.RandomNumberGenerator.GetBytes(64 * 1024));

    Console.WriteLine($"sign-blob, {signatures} signatures, concurrency {concurrency}, cosign {cosign}");
    var raw = await MeasureAsync(signatures, concurrency, async i =>
    {
        var result = await runner.RunAsync(new ProcessSpec(cosign,
            ["sign-blob", "--key", "cosign.key", "--signing-config", "sc.json", "--bundle", $"b{i}.json", "--yes", "--", payload])
        { WorkingDirectory = work, Environment = env }, default);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.StandardError);
    });
    Report("raw cosign", raw);

    // The service runs as its own process on loopback, as deployed, so its memory can be read alone.
    await using var service = await ServiceProcess.StartAsync(work, cosign);
    using var client = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    var bytes = await File.ReadAllBytesAsync(payload);
    var viaService = await MeasureAsync(signatures, concurrency, async _ =>
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "artifact.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sign/blob") { Content = form };
        request.Headers.Add("Prefer", "wait=60");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!text.Contains("\"succeeded\"", StringComparison.Ordinal)) throw new InvalidOperationException(text);
    });
    Report("service", viaService);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"ratio service/raw: throughput {viaService.PerSecond / raw.PerSecond:F2}x, p50 latency {viaService.P50 / raw.P50:F2}x, p95 latency {viaService.P95 / raw.P95:F2}x"));

    // Memory: a large upload streams to disk; the service's managed heap should not grow by the file size.
    var large = Path.Combine(work, "large.bin");
    await using (var f = File.Create(large))
    {
        var chunk = new byte[1 << 20];
        for (var i = 0; i < largeMiB; i++) { Random.Shared.NextBytes(chunk); await f.WriteAsync(chunk); }
    }
    var rssBefore = service.PeakRssBytes();
    var sw = Stopwatch.StartNew();
    await using (var stream = File.OpenRead(large))
    {
        using var form = new MultipartFormDataContent { { new StreamContent(stream), "file", "large.bin" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/sign/blob") { Content = form };
        request.Headers.Add("Prefer", "wait=60");
        using var response = await client.SendAsync(request);
        _ = await response.Content.ReadAsStringAsync();
    }
    var serviceLarge = sw.Elapsed;
    sw.Restart();
    var rawLarge = await runner.RunAsync(new ProcessSpec(cosign,
        ["sign-blob", "--key", "cosign.key", "--signing-config", "sc.json", "--bundle", "large.json", "--yes", "--", large])
    { WorkingDirectory = work, Environment = env }, default);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"large file {largeMiB} MiB: service {serviceLarge.TotalSeconds:F2} s vs raw cosign {rawLarge.Duration.TotalSeconds:F2} s " +
        $"(ratio {serviceLarge.TotalSeconds / rawLarge.Duration.TotalSeconds:F2}x); service peak RSS grew by " +
        $"{(service.PeakRssBytes() - rssBefore) / 1048576.0:F1} MiB = {(service.PeakRssBytes() - rssBefore) / (largeMiB * 1048576.0):P1} of the file (streamed to disk)"));
}
finally
{
    Directory.Delete(work, recursive: true);
}

static async Task<Stats> MeasureAsync(int count, int concurrency, Func<int, Task> operation)
{
    var latencies = new double[count];
    var next = -1;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var sw = Stopwatch.StartNew();
            await operation(i);
            latencies[i] = sw.Elapsed.TotalMilliseconds;
        }
    }));
    Array.Sort(latencies);
    return new Stats(count / total.Elapsed.TotalSeconds, latencies[count / 2], latencies[(int)(count * 0.95)]);
}

static void Report(string name, Stats s) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{name,-12} {s.PerSecond,7:F2} signatures/s   p50 {s.P50,7:F0} ms   p95 {s.P95,7:F0} ms"));

internal sealed record Stats(double PerSecond, double P50, double P95);

/// <summary>The built service started as a child process with a bench key, on a free loopback port.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<ServiceProcess> StartAsync(string work, string cosign)
    {
        var repo = new DirectoryInfo(AppContext.BaseDirectory);
        while (repo is not null && !File.Exists(Path.Combine(repo.FullName, "SigningService.sln"))) repo = repo.Parent;
        var project = Path.Combine(repo!.FullName, "src", "SigningService");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "SigningService.dll");
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { dll, "--contentRoot", project, "--urls", $"http://127.0.0.1:{port}" }) info.ArgumentList.Add(a);
        info.Environment["Cosign__Path"] = cosign;
        info.Environment["Storage__Root"] = Path.Combine(work, "storage");
        info.Environment["Keys__Files__bench__PrivateKey"] = Path.Combine(work, "cosign.key");
        info.Environment["Keys__Files__bench__PasswordFile"] = Path.Combine(work, "password");
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Uploads__MaxFileBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ServiceProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri(service.BaseAddress, "health/ready"))).IsSuccessStatusCode) return service;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        throw new InvalidOperationException("the service did not become ready");
    }

    /// <summary>VmHWM: the most resident memory the process has had.</summary>
    public long PeakRssBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
