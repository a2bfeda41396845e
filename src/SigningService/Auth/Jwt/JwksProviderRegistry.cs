using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SigningService.Auth.Jwt;

/// <summary>The configured issuers, keyed by their exact `iss` value, each with its own key cache.</summary>
public sealed class JwksProviderRegistry : IDisposable
{
    public const string HttpClientName = "SigningService.Auth.Jwks";

    private readonly Dictionary<string, (OidcIssuerOptions Options, JwksProvider Provider)> _issuers = new(StringComparer.Ordinal);

    public JwksProviderRegistry(IOptions<JwtValidationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILoggerFactory loggerFactory)
    {
        foreach (var issuer in options.Value.Issuers)
        {
            IJwksSource source = issuer.JwksUri is { } uri
                ? new HttpJwksSource(() => httpClientFactory.CreateClient(HttpClientName), uri, issuer.JwksMaxBytes)
                : new FileJwksSource(issuer.JwksFile!, issuer.JwksMaxBytes);
            _issuers[issuer.Issuer] = (issuer, new JwksProvider(issuer, source, time, loggerFactory.CreateLogger<JwksProvider>()));
        }
    }

    /// <summary>For tests: issuers with providers built by the caller (e.g. over an in-memory source).</summary>
    internal JwksProviderRegistry(IEnumerable<(OidcIssuerOptions Options, JwksProvider Provider)> issuers)
    {
        foreach (var entry in issuers)
        {
            _issuers[entry.Options.Issuer] = entry;
        }
    }

    public IEnumerable<OidcIssuerOptions> Issuers => _issuers.Values.Select(i => i.Options);

    public JwksProvider? GetProvider(string issuer) => _issuers.TryGetValue(issuer, out var entry) ? entry.Provider : null;

    internal bool TryGet(string issuer, out OidcIssuerOptions options, out JwksProvider provider)
    {
        if (_issuers.TryGetValue(issuer, out var entry))
        {
            (options, provider) = entry;
            return true;
        }
        options = null!;
        provider = null!;
        return false;
    }

    public void Dispose()
    {
        foreach (var (_, provider) in _issuers.Values)
        {
            provider.Dispose();
        }
    }
}
