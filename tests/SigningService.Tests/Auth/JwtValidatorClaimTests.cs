using System.Text.Json.Nodes;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

/// <summary>Issuer, audience and lifetime claims, with the configured clock skew.</summary>
public sealed class JwtValidatorClaimTests : IDisposable
{
    private readonly ValidatorHarness _h = new();

    public void Dispose() => _h.Dispose();

    private long Now => _h.Time.GetUtcNow().ToUnixTimeSeconds();

    [Fact]
    public async Task ValidateAsync_Expired_Expired()
    {
        var raw = _h.Token().With("iat", Now - 900).With("nbf", Now - 900).With("exp", Now - 61).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.Expired, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_ExpiredWithinClockSkew_Succeeds()
    {
        var raw = _h.Token().With("exp", Now - 59).Sign(TestKeys.Rsa);

        AssertJwt.Succeeds(await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_ValidTokenAfterTimePasses_Expired()
    {
        var raw = _h.Token().Sign(TestKeys.Rsa);
        AssertJwt.Succeeds(await _h.ValidateAsync(raw));

        _h.Time.Advance(TimeSpan.FromSeconds(300 + 60));

        AssertJwt.Fails(JwtFailureReason.Expired, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_MissingExp_MissingClaim()
    {
        AssertJwt.Fails(JwtFailureReason.MissingClaim, await _h.ValidateAsync(_h.Token().Without("exp").Sign(TestKeys.Rsa)));
    }

    [Theory]
    [InlineData("\"1999999999\"")]
    [InlineData("1e300")]
    [InlineData("-5")]
    [InlineData("null")]
    public async Task ValidateAsync_ExpNotANumericDate_Malformed(string exp)
    {
        var raw = _h.Token().With("exp", JsonNode.Parse(exp)).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_NotBeforeInFuture_NotYetValid()
    {
        var raw = _h.Token().With("nbf", Now + 120).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.NotYetValid, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_IssuedInFuture_IssuedInFuture()
    {
        var raw = _h.Token().Without("nbf").With("iat", Now + 120).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.IssuedInFuture, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_ZeroClockSkew_IsHonoured()
    {
        using var h = new ValidatorHarness(configure: o => o.ClockSkew = TimeSpan.Zero);
        var now = h.Time.GetUtcNow().ToUnixTimeSeconds();

        AssertJwt.Fails(JwtFailureReason.Expired, await h.ValidateAsync(h.Token().With("exp", now).Sign(TestKeys.Rsa)));
        AssertJwt.Fails(JwtFailureReason.NotYetValid, await h.ValidateAsync(h.Token().With("nbf", now + 1).Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_WrongAudience_WrongAudience()
    {
        AssertJwt.Fails(JwtFailureReason.WrongAudience, await _h.ValidateAsync(_h.Token().With("aud", "https://other.example").Sign(TestKeys.Rsa)));
        AssertJwt.Fails(JwtFailureReason.WrongAudience, await _h.ValidateAsync(_h.Token().With("aud", new JsonArray("a", "b")).Sign(TestKeys.Rsa)));
        AssertJwt.Fails(JwtFailureReason.WrongAudience, await _h.ValidateAsync(_h.Token().Without("aud").Sign(TestKeys.Rsa)));
        AssertJwt.Fails(JwtFailureReason.WrongAudience, await _h.ValidateAsync(_h.Token().With("aud", TestTokenBuilder.Audience.ToUpperInvariant()).Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_AudienceArrayWithNonString_Malformed()
    {
        var raw = _h.Token().With("aud", new JsonArray(TestTokenBuilder.Audience, 5)).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(raw));
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData(TestTokenBuilder.Issuer + "/")]
    [InlineData("HTTPS://token.actions.test.example")]
    public async Task ValidateAsync_UntrustedIssuer_UnknownIssuerWithoutFetch(string iss)
    {
        AssertJwt.Fails(JwtFailureReason.UnknownIssuer, await _h.ValidateAsync(_h.Token().With("iss", iss).Sign(TestKeys.Rsa)));
        Assert.Equal(0, _h.Source.Fetches);
    }

    [Fact]
    public async Task ValidateAsync_MissingIssuer_MissingClaim()
    {
        AssertJwt.Fails(JwtFailureReason.MissingClaim, await _h.ValidateAsync(_h.Token().Without("iss").Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_SubjectNotAString_Malformed()
    {
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(_h.Token().With("sub", 42).Sign(TestKeys.Rsa)));
    }
}
