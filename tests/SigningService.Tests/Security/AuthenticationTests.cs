using JwtKeys = SigningService.Tests.Auth.TestKeys;
using System.Net;
using System.Text;
using SigningService.Tests.Api;
using SigningService.Tests.Auth;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Security;

/// <summary>Missing, wrong, expired and forged credentials get 401, nothing is signed, and the refusal is audited.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthenticationTests(SecurityFixture fixture)
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("release artifact");

    public static TheoryData<string, string?> BadCredentials => new()
    {
        { "none", null },
        { "wrong api key", "ss_this-is-not-a-configured-key" },
        { "expired jwt", SecurityFixture.GitHubToken("org/app", change: b => b.With("exp", DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds())) },
        { "forged jwt (other key, same kid)", SecurityFixture.GitHubToken("org/app", key: Forger) },
        { "jwt for another audience", SecurityFixture.GitHubToken("org/app", change: b => b.With("aud", "https://elsewhere.example")) },
        { "alg none", new TestTokenBuilder(DateTimeOffset.UtcNow).With("repository", "org/app").Unsigned("none", JwtKeys.Rsa.Kid) },
    };

    // Same kid as the issuer's key, different private key: a forgery.
    private static readonly TestKey Forger = TestKey.CreateRsa(JwtKeys.Rsa.Kid);

    [Theory]
    [MemberData(nameof(BadCredentials))]
    public async Task SignBlob_BadCredential_401NothingSignedAndAudited(string name, string? bearer)
    {
        var before = fixture.Factory.JobFolders();
        var auditBefore = fixture.AuditRecords().Count;

        var response = await fixture.Client(bearer).PostAsync("/v1/sign/blob", TestApi.Form(("file", Payload), ("key", "release")));

        await BadInputTests.AssertProblemAsync(response, 401, "unauthenticated", name);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, fixture.Factory.JobFolders());
        var refusal = Assert.Single(fixture.AuditRecords().Skip(auditBefore), r => AuditFile.Text(r, "event") == "refused");
        Assert.Equal("refused", AuditFile.Text(refusal, "event"));
        Assert.Equal("unauthenticated", AuditFile.Text(refusal, "result"));
        Assert.Equal("sign", AuditFile.Text(refusal, "operation"));
        Assert.False(string.IsNullOrEmpty(AuditFile.Text(refusal, "reason")));
    }

    [Theory]
    [InlineData("/v1/keys")]
    [InlineData("/v1/jobs/j00000000000000000000000000")]
    public async Task Get_NoCredentials_401(string path)
    {
        var response = await fixture.Client(null).GetAsync(path);

        await BadInputTests.AssertProblemAsync(response, 401, "unauthenticated", path);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/problems/unauthenticated")]
    [InlineData("/openapi/v1.json")]
    public async Task Get_PublicEndpoint_NoCredentialsNeeded(string path)
    {
        var response = await fixture.Client(null).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ListKeys_ValidApiKey_200()
    {
        var response = await fixture.Client(SecurityFixture.ReaderKey).GetAsync("/v1/keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
