using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SigningService.Auth;
using SigningService.Auth.ApiKeys;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

public sealed class JwtValidationOptionsTests
{
    private static OidcIssuerOptions Good() => new()
    {
        Issuer = "https://token.actions.githubusercontent.com",
        Audience = "https://signing.example",
        JwksUri = new Uri("https://token.actions.githubusercontent.com/.well-known/jwks"),
    };

    private static IEnumerable<string> Errors(params OidcIssuerOptions[] issuers) =>
        new JwtValidationOptionsValidator().Validate(null, new JwtValidationOptions { Issuers = [.. issuers] }).Failures ?? [];

    [Fact]
    public void Validate_GoodIssuerAndLoopbackHttp_NoErrors()
    {
        var loopback = Good();
        loopback.Issuer = "https://gitlab.example";
        loopback.JwksUri = new Uri("http://127.0.0.1:8080/jwks");

        Assert.Empty(Errors(Good(), loopback));
        Assert.Empty(Errors());
    }

    public static TheoryData<string, Action<OidcIssuerOptions>> BadSettings => new()
    {
        { "Issuers:0:Issuer", o => o.Issuer = "not a uri" },
        { "Audience or Audiences", o => o.Audience = null },
        { "exactly one of JwksUri and JwksFile", o => o.JwksFile = "/etc/jwks.json" },
        { "exactly one of JwksUri and JwksFile", o => o.JwksUri = null },
        { "JwksUri must be an absolute https URI", o => o.JwksUri = new Uri("http://issuer.example/jwks") },
        { "ClockSkew", o => o.ClockSkew = TimeSpan.FromMinutes(10) },
        { "ClockSkew", o => o.ClockSkew = TimeSpan.FromSeconds(-1) },
        { "JwksCacheLifetime", o => o.JwksCacheLifetime = TimeSpan.Zero },
        { "JwksMaxBytes", o => o.JwksMaxBytes = 10 },
        { "JwksFetchTimeout", o => o.JwksFetchTimeout = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSetting_ErrorNamesIt(string expected, Action<OidcIssuerOptions> spoil)
    {
        var issuer = Good();
        spoil(issuer);

        Assert.Contains(Errors(issuer), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SameIssuerTwice_Error()
    {
        Assert.Contains(Errors(Good(), Good()), e => e.Contains("configured twice", StringComparison.Ordinal));
    }

    [Fact]
    public void AddOidcJwtValidation_BadConfiguration_OptionsFailNamingSetting()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Oidc:Issuers:0:Issuer"] = "https://gitlab.example.com",
            ["Auth:Oidc:Issuers:0:JwksUri"] = "https://gitlab.example.com/oauth/discovery/keys",
            ["Auth:ApiKeys:Keys:0:Name"] = "ci",
            ["Auth:ApiKeys:Keys:0:Sha256"] = "not-a-hash",
        }).Build());
        services.AddOidcJwtValidation().AddApiKeyAuthentication();
        using var provider = services.BuildServiceProvider();

        var oidc = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<JwtValidationOptions>>().Value);
        var keys = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ApiKeyOptions>>().Value);

        Assert.Contains("Auth:Oidc:Issuers:0:Audience", oidc.Message, StringComparison.Ordinal);
        Assert.Contains("Auth:ApiKeys:Keys:0:Sha256", keys.Message, StringComparison.Ordinal);
    }
}
