using System.Text;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

/// <summary>Tokens that are not well-formed compact JWS with strict JSON inside.</summary>
public sealed class JwtValidatorFormatTests : IDisposable
{
    private readonly ValidatorHarness _h = new();

    public void Dispose() => _h.Dispose();

    private string Valid() => _h.Token().Sign(TestKeys.Rsa);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("abc")]
    public async Task ValidateAsync_NotAJws_Malformed(string? token)
    {
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.Validator.ValidateAsync(token));
    }

    [Fact]
    public async Task ValidateAsync_WrongSegmentCount_Malformed()
    {
        var parts = Valid().Split('.');

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{parts[1]}"));
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{parts[1]}.{parts[2]}."));
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{parts[1]}.{parts[2]}.{parts[2]}"));
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{parts[1]}.{parts[1]}.{parts[2]}.{parts[2]}")); // JWE shape
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{parts[1]}."));
        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}..{parts[2]}"));
    }

    [Theory]
    [InlineData(0, "+")]
    [InlineData(1, "/")]
    [InlineData(2, "=")]
    [InlineData(2, "==")]
    [InlineData(1, " ")]
    [InlineData(2, "\n")]
    [InlineData(1, "é")]
    [InlineData(0, "\0")]
    public async Task ValidateAsync_NonBase64UrlCharacters_Malformed(int segment, string inserted)
    {
        var parts = Valid().Split('.');
        parts[segment] = parts[segment][..8] + inserted + parts[segment][8..];

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(string.Join('.', parts)));
    }

    [Fact]
    public async Task ValidateAsync_NonCanonicalTrailingBits_Malformed()
    {
        // 256-byte RSA signature: 342 chars, last one carries 4 unused bits; set one of them.
        var raw = Valid();
        var last = raw[^1];
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var flipped = alphabet[alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(raw[..^1] + flipped));
    }

    [Fact]
    public async Task ValidateAsync_OversizeToken_TooLargeWithoutKeyLookup()
    {
        var raw = _h.Token().With("padding", new string('a', 20_000)).Sign(TestKeys.Rsa);

        AssertJwt.Fails(JwtFailureReason.TooLarge, await _h.ValidateAsync(raw));
        Assert.Equal(0, _h.Source.Fetches);
    }

    [Fact]
    public async Task ValidateAsync_DuplicateClaim_Malformed()
    {
        var now = _h.Time.GetUtcNow().ToUnixTimeSeconds();
        var b = _h.Token();
        b.RawPayload = $$"""{"iss":"{{TestTokenBuilder.Issuer}}","aud":"{{TestTokenBuilder.Audience}}","exp":{{now + 60}},"sub":"repo:org/repo:ref:refs/heads/main","sub":"repo:org/evil:ref:refs/heads/main"}""";

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_DuplicateClaimViaEscapedName_Malformed()
    {
        var now = _h.Time.GetUtcNow().ToUnixTimeSeconds();
        var b = _h.Token();
        b.RawPayload = $$"""{"iss":"{{TestTokenBuilder.Issuer}}","aud":"{{TestTokenBuilder.Audience}}","exp":{{now + 60}},"repository":"org/repo","\u0072epository":"org/evil"}""";

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_DuplicateHeaderMember_Malformed()
    {
        var b = _h.Token();
        b.RawHeader = """{"alg":"RS256","kid":"rsa-2048","alg":"none"}""";

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"RS256\"")]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"rsa-2048\",}")]
    [InlineData("{\"alg\":\"RS256\",/*c*/\"kid\":\"rsa-2048\"}")]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"rsa-2048\",\"x\":[[[[[[1]]]]]]}")]
    public async Task ValidateAsync_HeaderNotAStrictShallowObject_Malformed(string header)
    {
        var b = _h.Token();
        b.RawHeader = header;

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_DeeplyNestedPayload_Malformed()
    {
        var b = _h.Token();
        b.RawPayload = $"{{\"iss\":\"{TestTokenBuilder.Issuer}\",\"x\":{new string('[', 100)}{new string(']', 100)}}}";

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_InvalidUtf8Payload_Malformed()
    {
        var parts = Valid().Split('.');
        var payload = Encoding.UTF8.GetBytes($"{{\"iss\":\"{TestTokenBuilder.Issuer}\",\"sub\":\"ab\"}}");
        payload[^4] = 0xC3; // a lead byte followed by 'b': invalid UTF-8 inside the sub string

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync($"{parts[0]}.{TestKey.B64(payload)}.{parts[2]}"));
    }

    [Fact]
    public async Task ValidateAsync_UnpairedSurrogateEscapeInClaim_Malformed()
    {
        var now = _h.Time.GetUtcNow().ToUnixTimeSeconds();
        var b = _h.Token();
        b.RawPayload = $$"""{"iss":"{{TestTokenBuilder.Issuer}}","aud":"{{TestTokenBuilder.Audience}}","exp":{{now + 60}},"sub":"a\ud800b"}""";

        AssertJwt.Fails(JwtFailureReason.Malformed, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_MissingKid_UnknownKey()
    {
        var b = _h.Token();
        b.RawHeader = """{"alg":"RS256","typ":"JWT"}""";

        AssertJwt.Fails(JwtFailureReason.UnknownKey, await _h.ValidateAsync(b.Sign(TestKeys.Rsa)));
    }
}
