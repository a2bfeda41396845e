using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningService.Tests.Auth;

public sealed class JwtValidatorTests : IDisposable
{
    private readonly ValidatorHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("RS256", "rsa-2048")]
    [InlineData("PS256", "rsa-2048")]
    [InlineData("ES256", "ec-p256")]
    [InlineData("ES384", "ec-p384")]
    public async Task ValidateAsync_EachSupportedAlgorithm_Succeeds(string alg, string kid)
    {
        var key = new[] { TestKeys.Rsa, TestKeys.P256, TestKeys.P384 }.Single(k => k.Kid == kid);

        var token = AssertJwt.Succeeds(await _h.ValidateAsync(_h.Token().Sign(key, alg)));

        Assert.Equal(alg, token.Algorithm);
        Assert.Equal(kid, token.KeyId);
    }

    [Fact]
    public async Task ValidateAsync_GitHubActionsShapedToken_ExposesClaims()
    {
        var raw = _h.Token()
            .With("aud", new JsonArray("https://github.com/org", TestTokenBuilder.Audience))
            .With("repository", "org/repo")
            .With("repository_owner", "org")
            .With("ref", "refs/heads/main")
            .With("workflow", "release")
            .With("job_workflow_ref", "org/repo/.github/workflows/release.yml@refs/heads/main")
            .With("run_attempt", "1")
            .With("runner_environment", "github-hosted")
            .With("event_name", "push")
            .With("repository_id", 123456)
            .With("nested", new JsonObject { ["a"] = new JsonArray(1, 2) })
            .Sign(TestKeys.Rsa);

        var token = AssertJwt.Succeeds(await _h.ValidateAsync(raw));

        Assert.Equal(TestTokenBuilder.Issuer, token.Issuer);
        Assert.Equal("test-ci", token.IssuerName);
        Assert.Equal("repo:org/repo:ref:refs/heads/main", token.Subject);
        Assert.Equal("org/repo", token.GetClaim("repository"));
        Assert.Equal("refs/heads/main", token.GetClaim("ref"));
        Assert.Equal("release", token.GetClaim("workflow"));
        Assert.Equal("123456", token.GetClaim("repository_id"));
        Assert.Null(token.GetClaim("nested")); // objects stay in Payload only
        Assert.Equal(JsonValueKind.Array, token.Payload.GetProperty("nested").GetProperty("a").ValueKind);
        Assert.Equal(["https://github.com/org", TestTokenBuilder.Audience], token.Audiences);
        Assert.Equal(_h.Time.GetUtcNow().AddSeconds(300), token.ExpiresAt);
    }

    [Fact]
    public async Task ValidateAsync_PayloadOutlivesValidation_ClaimsStillReadable()
    {
        var token = AssertJwt.Succeeds(await _h.ValidateAsync(_h.Token().With("repository", "org/repo").Sign(TestKeys.Rsa)));

        GC.Collect();

        Assert.Equal("org/repo", token.Payload.GetProperty("repository").GetString());
    }

    [Fact]
    public async Task ValidateAsync_FailureMessages_NeverEchoTokenContent()
    {
        const string marker = "MARKER-7f3a";
        var tokens = new[]
        {
            _h.Token().With("aud", marker).Sign(TestKeys.Rsa),
            _h.Token().With("iss", marker).Sign(TestKeys.Rsa),
            _h.Token().With("sub", marker).Sign(TestKeys.Rsa, kid: marker),
            _h.Token().With("sub", marker).Sign(TestKeys.Rsa, alg: "RS256") + "x",
        };

        foreach (var raw in tokens)
        {
            var result = await _h.ValidateAsync(raw);
            Assert.False(result.Succeeded);
            Assert.DoesNotContain(marker, result.FailureMessage!, StringComparison.Ordinal);
            Assert.DoesNotContain(marker, result.ToString(), StringComparison.Ordinal);
        }
    }
}
