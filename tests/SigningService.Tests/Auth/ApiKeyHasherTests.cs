using Microsoft.Extensions.Options;
using SigningService.Auth.ApiKeys;

namespace SigningService.Tests.Auth;

public sealed class ApiKeyHasherTests
{
    private static readonly (string Key, string Sha256) Ci = ApiKeyHasher.GenerateKey();
    private static readonly (string Key, string Sha256) Admin = ApiKeyHasher.GenerateKey();

    private static ApiKeyHasher Hasher(params ApiKeyEntry[] keys) => new(Options.Create(new ApiKeyOptions { Keys = [.. keys] }));

    private static ApiKeyHasher Configured() => Hasher(
        new ApiKeyEntry { Name = "ci", Sha256 = Ci.Sha256 },
        new ApiKeyEntry { Name = "admin", Sha256 = Admin.Sha256.ToUpperInvariant() });

    [Fact]
    public void TryAuthenticate_ConfiguredKey_ReturnsItsName()
    {
        var hasher = Configured();

        Assert.True(hasher.TryAuthenticate(Ci.Key, out var ci));
        Assert.Equal("ci", ci);
        Assert.True(hasher.TryAuthenticate(Admin.Key, out var admin));
        Assert.Equal("admin", admin);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ss_wrong")]
    public void TryAuthenticate_WrongKey_False(string? presented)
    {
        Assert.False(Configured().TryAuthenticate(presented, out var name));
        Assert.Equal("", name);
    }

    [Fact]
    public void TryAuthenticate_NearMisses_False()
    {
        var hasher = Configured();

        Assert.False(hasher.TryAuthenticate(Ci.Key + " ", out _));
        Assert.False(hasher.TryAuthenticate(Ci.Key[..^1], out _));
        Assert.False(hasher.TryAuthenticate(Ci.Key.ToUpperInvariant(), out _));
        Assert.False(hasher.TryAuthenticate(Ci.Sha256, out _)); // the hash itself is not a credential
        Assert.False(hasher.TryAuthenticate(new string('a', 10_000), out _));
    }

    [Fact]
    public void TryAuthenticate_NoKeysConfigured_False()
    {
        Assert.False(Hasher().TryAuthenticate(Ci.Key, out _));
    }

    [Fact]
    public void GenerateKey_Format_PrefixedRandomWithMatchingHash()
    {
        var (key, sha256) = ApiKeyHasher.GenerateKey();

        Assert.Matches("^ss_[A-Za-z0-9_-]{43}$", key);
        Assert.Equal(ApiKeyHasher.Hash(key), sha256);
        Assert.Matches("^[0-9a-f]{64}$", sha256);
        Assert.NotEqual(key, ApiKeyHasher.GenerateKey().Key);
    }

    [Fact]
    public void Hash_KnownVector_MatchesSha256OfUtf8()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeyHasher.Hash("abc"));
    }

    [Fact]
    public void OptionsValidator_RawKeyInsteadOfHash_FailsNamingSetting()
    {
        var options = new ApiKeyOptions { Keys = [new() { Name = "ci", Sha256 = Ci.Key }, new() { Name = "ci", Sha256 = Admin.Sha256 }] };

        var result = new ApiKeyOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.Contains("Auth:ApiKeys:Keys:0:Sha256", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Auth:ApiKeys:Keys:1:Name", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains(Ci.Key, StringComparison.Ordinal));
    }
}
