using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

/// <summary>A validator for one test issuer whose JWKS comes from memory (HTTP fetching has its own tests).</summary>
internal sealed class ValidatorHarness : IDisposable
{
    public ValidatorHarness(string? jwks = null, Action<OidcIssuerOptions>? configure = null)
    {
        Source = new InMemoryJwksSource(jwks ?? TestKeys.Jwks());
        Issuer = new OidcIssuerOptions
        {
            Name = "test-ci",
            Issuer = TestTokenBuilder.Issuer,
            Audience = TestTokenBuilder.Audience,
            JwksFile = "/unused",
        };
        configure?.Invoke(Issuer);
        Provider = new JwksProvider(Issuer, Source, Time, NullLogger<JwksProvider>.Instance);
        var registry = new JwksProviderRegistry([(Issuer, Provider)]);
        Validator = new JwtValidator(Options.Create(new JwtValidationOptions { Issuers = [Issuer] }), registry, Time, NullLogger<JwtValidator>.Instance);
    }

    public ManualTimeProvider Time { get; } = new();

    public InMemoryJwksSource Source { get; }

    public OidcIssuerOptions Issuer { get; }

    public JwksProvider Provider { get; }

    public JwtValidator Validator { get; }

    public TestTokenBuilder Token() => new(Time.GetUtcNow());

    public Task<JwtValidationResult> ValidateAsync(string token) => Validator.ValidateAsync(token);

    public void Dispose() => Provider.Dispose();
}
