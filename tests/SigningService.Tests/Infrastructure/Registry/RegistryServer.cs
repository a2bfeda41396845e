using System.Diagnostics;
using System.Net.Security;
using System.Text;

namespace SigningService.Tests.Infrastructure.Registry;

/// <summary>
/// A real CNCF distribution registry (`docker-registry serve`) on 127.0.0.1 with its own port,
/// storage folder and config: plain HTTP, htpasswd Basic auth, or TLS from a test CA.
/// Stop/Start keep the port and the storage, so images survive a restart.
/// </summary>
public sealed class RegistryServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RegistryServer(string directory, int port, string? username, string? password, TestCertificateAuthority? ca)
    {
        Directory = directory;
        Port = port;
        Username = username;
        Password = password;
        CertificateAuthority = ca;
    }

    public string Directory { get; }

    public int Port { get; }

    /// <summary>host:port as written in image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public Uri BaseUri => new($"{(CertificateAuthority is null ? "http" : "https")}://{Host}/");

    public string? Username { get; }

    public string? Password { get; }

    public TestCertificateAuthority? CertificateAuthority { get; }

    public string? CaPemPath => CertificateAuthority?.CaPemPath;

    public bool IsRunning => _process is { HasExited: false };

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<RegistryServer> StartPlainAsync() => StartAsync(null, null, null);

    public static Task<RegistryServer> StartBasicAuthAsync(string username = "ci-user", string password = "Pa55-word!") =>
        StartAsync(username, password, null);

    /// <summary>TLS with a fresh test CA; the registry owns and disposes the CA.</summary>
    public static Task<RegistryServer> StartTlsAsync() => StartAsync(null, null, TestCertificateAuthority.Create());

    private static async Task<RegistryServer> StartAsync(string? username, string? password, TestCertificateAuthority? ca)
    {
        var directory = Path.Combine(Path.GetTempPath(), "registry-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "storage"));
        var server = new RegistryServer(directory, FreePort.Next(), username, password, ca);
        try
        {
            if (username is not null)
            {
                await RegistryConfigFiles.WriteHtpasswdAsync(Path.Combine(directory, "htpasswd"), username, password!);
            }
            await File.WriteAllTextAsync(Path.Combine(directory, "config.yml"), RegistryConfigFiles.Yaml(server));
            await server.StartAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }
        var start = new ProcessStartInfo("docker-registry")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add(Path.Combine(Directory, "config.yml"));
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilAnsweringAsync(process);
    }

    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        _process.Dispose();
        _process = null;
    }

    /// <summary>An HttpClient that trusts this registry's test CA (and nothing else) when TLS is on.</summary>
    public HttpClient CreateHttpClient()
    {
        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (CertificateAuthority is not null)
        {
            var roots = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection(CertificateAuthority.Certificate);
            handler.SslOptions.RemoteCertificateValidationCallback = SigningService.Registry.RegistryHttpClients.TrustOnly(roots);
        }
        return new HttpClient(handler) { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
        }
        CertificateAuthority?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilAnsweringAsync(Process process)
    {
        using var client = CreateHttpClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                using var response = await client.GetAsync("v2/");
                // 401 counts: the auth variant answers /v2/ with a Basic challenge.
                if ((int)response.StatusCode is 200 or 401)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"docker-registry on {Host} did not answer /v2/ within {StartTimeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            if (_output.Length < 64 * 1024)
            {
                _output.AppendLine(line);
            }
        }
    }
}
