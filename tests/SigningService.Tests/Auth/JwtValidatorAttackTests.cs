using System.Security.Cryptography;
using System.Text;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

/// <summary>The classic JWT attacks: algorithm substitution, key confusion, forged and tampered tokens.</summary>
public sealed class JwtValidatorAttackTests : IDisposable
{
    private readonly ValidatorHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    [InlineData("")]
    public async Task ValidateAsync_AlgNone_RejectedBeforeKeyLookup(string alg)
    {
        var unsigned = _h.Token().Unsigned(alg, TestKeys.Rsa.Kid);

        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(unsigned));
        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(unsigned + "AAAA"));
        Assert.Equal(0, _h.Source.Fetches);
    }

    [Fact]
    public async Task ValidateAsync_Hs256WithRsaPublicKeyAsSecret_RejectedBeforeKeyLookup()
    {
        // RS/HS confusion: a verifier that feeds "the key" to HMAC would accept this forgery.
        var publicPem = Encoding.ASCII.GetBytes(TestKeys.Rsa.Rsa!.ExportSubjectPublicKeyInfoPem());
        var spki = TestKeys.Rsa.Rsa!.ExportSubjectPublicKeyInfo();

        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(_h.Token().SignHmac(publicPem, TestKeys.Rsa.Kid)));
        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(_h.Token().SignHmac(spki, TestKeys.Rsa.Kid)));
        Assert.Equal(0, _h.Source.Fetches);
    }

    [Theory]
    [InlineData("HS384")]
    [InlineData("HS512")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("ES512")]
    [InlineData("EdDSA")]
    [InlineData("rs256")]
    public async Task ValidateAsync_AlgorithmOutsideAllowList_UnsupportedAlgorithm(string alg)
    {
        var raw = _h.Token().SignHmac([1, 2, 3], TestKeys.Rsa.Kid, alg);

        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_AlgHeaderNotAString_UnsupportedAlgorithm()
    {
        var raw = _h.Token();
        raw.Header["alg"] = 256;

        AssertJwt.Fails(JwtFailureReason.UnsupportedAlgorithm, await _h.ValidateAsync(raw.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_Es256TokenNamingRsaKey_KeyMismatch()
    {
        var raw = _h.Token().Sign(TestKeys.P256, "ES256", kid: TestKeys.Rsa.Kid);

        AssertJwt.Fails(JwtFailureReason.KeyMismatch, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_Rs256TokenNamingEcKey_KeyMismatch()
    {
        var raw = _h.Token().Sign(TestKeys.Rsa, "RS256", kid: TestKeys.P256.Kid);

        AssertJwt.Fails(JwtFailureReason.KeyMismatch, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_Es384TokenNamingP256Key_KeyMismatch()
    {
        var raw = _h.Token().Sign(TestKeys.P384, "ES384", kid: TestKeys.P256.Kid);

        AssertJwt.Fails(JwtFailureReason.KeyMismatch, await _h.ValidateAsync(raw));
    }

    [Fact]
    public async Task ValidateAsync_AlgDiffersFromJwkAlg_KeyMismatch()
    {
        using var h = new ValidatorHarness(TestKeys.Jwks(rsaAlg: "RS256"));

        AssertJwt.Succeeds(await h.ValidateAsync(h.Token().Sign(TestKeys.Rsa, "RS256")));
        AssertJwt.Fails(JwtFailureReason.KeyMismatch, await h.ValidateAsync(h.Token().Sign(TestKeys.Rsa, "PS256")));
    }

    [Fact]
    public async Task ValidateAsync_Rsa1024Key_WeakKey()
    {
        AssertJwt.Fails(JwtFailureReason.WeakKey, await _h.ValidateAsync(_h.Token().Sign(TestKeys.Rsa1024)));
    }

    [Fact]
    public async Task ValidateAsync_SignedByOtherKeyWithSameKid_BadSignature()
    {
        using var attacker = TestKey.CreateRsa(TestKeys.Rsa.Kid);

        AssertJwt.Fails(JwtFailureReason.BadSignature, await _h.ValidateAsync(_h.Token().Sign(attacker)));
    }

    [Fact]
    public async Task ValidateAsync_TamperedPayload_BadSignature()
    {
        var parts = _h.Token().With("repository", "org/repo").Sign(TestKeys.Rsa).Split('.');
        var forged = _h.Token().With("repository", "org/other");
        var forgedPayload = forged.Sign(TestKeys.Rsa).Split('.')[1];

        AssertJwt.Fails(JwtFailureReason.BadSignature, await _h.ValidateAsync($"{parts[0]}.{forgedPayload}.{parts[2]}"));
    }

    [Fact]
    public async Task ValidateAsync_TamperedHeader_BadSignature()
    {
        var parts = _h.Token().Sign(TestKeys.P256, "ES256").Split('.');
        var other = _h.Token();
        other.Header["typ"] = "at+jwt";
        var otherHeader = other.Sign(TestKeys.P256, "ES256").Split('.')[0];

        AssertJwt.Fails(JwtFailureReason.BadSignature, await _h.ValidateAsync($"{otherHeader}.{parts[1]}.{parts[2]}"));
    }

    [Fact]
    public async Task ValidateAsync_EcSignatureInDerForm_BadSignature()
    {
        // JWS wants r||s; a DER signature over the same input must not be accepted.
        var raw = _h.Token().Sign(TestKeys.P256, "ES256");
        var signingInput = raw[..raw.LastIndexOf('.')];
        var der = TestKeys.P256.Ec!.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

        AssertJwt.Fails(JwtFailureReason.BadSignature, await _h.ValidateAsync(signingInput + "." + TestKey.B64(der)));
    }

    [Fact]
    public async Task ValidateAsync_CritHeader_Rejected()
    {
        var raw = _h.Token();
        raw.Header["crit"] = new System.Text.Json.Nodes.JsonArray("exp");
        raw.Header["exp"] = 1;

        AssertJwt.Fails(JwtFailureReason.UnsupportedCriticalHeader, await _h.ValidateAsync(raw.Sign(TestKeys.Rsa)));
    }

    [Fact]
    public async Task ValidateAsync_EmbeddedJwkHeader_IgnoredForKeySelection()
    {
        // A token may carry its own key (`jwk`/`jku`); trusting it would let anyone sign.
        using var attacker = TestKey.CreateRsa(TestKeys.Rsa.Kid);
        var raw = _h.Token();
        raw.Header["jwk"] = attacker.ToJwk();
        raw.Header["jku"] = "https://attacker.example/jwks";

        AssertJwt.Fails(JwtFailureReason.BadSignature, await _h.ValidateAsync(raw.Sign(attacker)));
    }
}
