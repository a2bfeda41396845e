using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace SigningService.Registry;

/// <summary>
/// One long-lived HttpClient per registry host, because trust differs per host: a configured CA
/// bundle replaces the system roots for that host only; "insecure" loopback hosts use plain HTTP.
/// </summary>
public sealed class RegistryHttpClients(IOptionsMonitor<RegistryOptions> options) : IDisposable
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private readonly ConcurrentDictionary<string, Lazy<HttpClient>> _clients = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Client whose BaseAddress is the registry root (https://host/ or http://host/).</summary>
    public HttpClient For(string registryHost) =>
        _clients.GetOrAdd(registryHost, h => new Lazy<HttpClient>(() => Create(h))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Dispose();
        }
    }

    private HttpClient Create(string registryHost)
    {
        var current = options.CurrentValue;
        var host = current.Find(registryHost);
        var insecure = host?.Insecure == true && RegistryOptionsValidator.IsLoopback(registryHost);
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            // Redirects would carry our Accept/auth logic to hosts we did not choose; registries do not redirect manifests.
            AllowAutoRedirect = false,
        };
        if (!insecure && !string.IsNullOrEmpty(host?.CaBundleFile))
        {
            handler.SslOptions.RemoteCertificateValidationCallback = TrustOnly(LoadRoots(host.CaBundleFile));
        }
        return new HttpClient(handler)
        {
            BaseAddress = new Uri((insecure ? "http://" : "https://") + registryHost + "/"),
            Timeout = current.RequestTimeout,
        };
    }

    private static X509Certificate2Collection LoadRoots(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new RegistryConfigurationException($"cannot read registry CaBundleFile '{path}': {e.GetType().Name}", e);
        }
        if (roots.Count == 0)
        {
            throw new RegistryConfigurationException($"registry CaBundleFile '{path}' holds no certificates");
        }
        return roots;
    }

    /// <summary>Chain must end in one of <paramref name="roots"/> (system roots ignored) and the name must match.</summary>
    public static RemoteCertificateValidationCallback TrustOnly(X509Certificate2Collection roots) =>
        (_, certificate, presented, errors) =>
        {
            if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
            {
                return false;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.ApplicationPolicy.Add(ServerAuth);
            if (presented is not null)
            {
                foreach (var element in presented.ChainElements.Skip(1))
                {
                    chain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }
            var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return chain.Build(leaf);
        };
}
