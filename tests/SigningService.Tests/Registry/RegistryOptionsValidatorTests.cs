using SigningService.Registry;

namespace SigningService.Tests.Registry;

public class RegistryOptionsValidatorTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", true)]
    [InlineData("localhost:5000", true)]
    [InlineData("[::1]:5000", true)]
    [InlineData("registry.example.com", false)]
    [InlineData("10.0.0.5:5000", false)]
    public void Validate_Insecure_OnlyLoopbackAllowed(string host, bool ok)
    {
        var result = Validate(new RegistryHostOptions { Host = host, Insecure = true });
        Assert.Equal(ok, result.Succeeded);
        if (!ok)
        {
            Assert.Contains("Registries:Hosts:0:Insecure", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_UsernameWithoutPasswordFile_Fails() =>
        Assert.Contains("Username and PasswordFile", Validate(new RegistryHostOptions { Host = "r.io", Username = "a" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_PasswordAndToken_Fails() =>
        Assert.Contains("not both", Validate(new RegistryHostOptions { Host = "r.io", Username = "a", PasswordFile = "/p", TokenFile = "/t" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_BadHostOrDuplicate_Fails()
    {
        Assert.Contains("not a registry host", Validate(new RegistryHostOptions { Host = "-bad" }).FailureMessage, StringComparison.Ordinal);
        Assert.Contains("configured twice", Validate(new RegistryHostOptions { Host = "r.io" }, new RegistryHostOptions { Host = "R.IO" }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingCaBundle_Fails() =>
        Assert.Contains("CaBundleFile", Validate(new RegistryHostOptions { Host = "r.io", CaBundleFile = "/nonexistent/ca.pem" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_GoodEntries_Succeed() =>
        Assert.True(Validate(new RegistryHostOptions { Host = "ghcr.io", TokenFile = "/t" }, new RegistryHostOptions { Host = "r.io:5000", Username = "u", PasswordFile = "/p" }).Succeeded);

    [Fact]
    public void ParseParameters_QuotedCommas_KeepsValues()
    {
        var parameters = AuthChallenge.ParseParameters("realm=\"https://auth.io/token\",service=\"reg\",scope=\"repository:a/b:pull,push\"");
        Assert.Equal("https://auth.io/token", parameters["realm"]);
        Assert.Equal("reg", parameters["service"]);
        Assert.Equal("repository:a/b:pull,push", parameters["scope"]);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params RegistryHostOptions[] hosts) =>
        new RegistryOptionsValidator().Validate(null, new RegistryOptions { Hosts = [.. hosts] });
}
