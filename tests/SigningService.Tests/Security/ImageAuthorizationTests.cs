using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SigningService.Tests.Api;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;
using SigningService.Tests.Oci;

namespace SigningService.Tests.Security;

/// <summary>
/// Image scopes: an API key granted "registry/team-a/*" and a GitHub-Actions token granted one
/// repository sign only there; refusals are 403s that sign nothing (no tag appears) and are audited.
/// </summary>
[Collection(SecurityCollection.Name)]
public sealed class ImageAuthorizationTests(SecurityFixture fixture)
{
    private static readonly object Spdx = new { spdxVersion = "SPDX-2.3", SPDXID = "SPDXRef-DOCUMENT", name = "app" };

    private static string OidcToken => SecurityFixture.GitHubToken(SecurityFixture.OidcImageClaim);

    [Fact]
    public async Task SignImage_ApiKeyGlobCoversTeamA_SignsAndAuditsDigest()
    {
        var image = await OciApi.PushAsync(fixture.Registry, "team-a");

        var body = await RunAsync(SecurityFixture.TeamAKey, "/v1/sign/image", new { image = image.DigestReference });

        Assert.Equal(image.Digest, body["result"]!["digest"]!.GetValue<string>());
        Assert.NotEmpty(await ReferrersAsync(image));
        var record = await fixture.WaitForAuditAsync(r => AuditFile.Text(r, "jobId") == body["id"]!.GetValue<string>());
        Assert.Equal("apikey:team-a", AuditFile.Text(record, "principal"));
        Assert.Equal("succeeded", AuditFile.Text(record, "result"));
        Assert.Equal($"{fixture.Registry.Host}/{image.Repository}", AuditFile.Text(record, "artifact"));
        Assert.Equal(image.Digest, AuditFile.Text(record, "digest"));
    }

    [Theory]
    [InlineData("apikey", "team-b")]
    [InlineData("apikey", "team-a/nested")] // '*' stays inside one path segment
    [InlineData("oidc", "team-b")]
    [InlineData("oidc", "team-a")] // team-a, but not the one repository the token's rule names
    public async Task SignImage_OutsideImageScope_403NothingSignedAudited(string credential, string prefix)
    {
        var image = await OciApi.PushAsync(fixture.Registry, prefix);
        var name = $"{fixture.Registry.Host}/{image.Repository}";
        var before = fixture.Factory.JobFolders();
        var auditBefore = fixture.AuditRecords().Count;

        var response = await fixture.Client(credential == "apikey" ? SecurityFixture.TeamAKey : OidcToken)
            .PostAsync("/v1/sign/image", JsonContent.Create(new { image = image.DigestReference }));

        await BadInputTests.AssertProblemAsync(response, 403, "forbidden", $"{credential} {prefix}");
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains($"image '{name}'", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("team-a-images", detail, StringComparison.Ordinal); // rule names stay private
        Assert.DoesNotContain("image-releases", detail, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Factory.JobFolders());
        await AssertUnsignedAsync(image);
        var refusal = Assert.Single(fixture.AuditRecords().Skip(auditBefore), r => AuditFile.Text(r, "event") == "refused");
        Assert.Equal("forbidden", AuditFile.Text(refusal, "result"));
        Assert.Equal("sign", AuditFile.Text(refusal, "operation"));
        Assert.Equal(detail, AuditFile.Text(refusal, "reason"));
        Assert.Equal(name, AuditFile.Text(refusal, "artifact"));
        Assert.Equal(image.Digest, AuditFile.Text(refusal, "digest"));
    }

    [Fact]
    public async Task SignImage_GitHubTokenMatchingRule_SignsItsOneRepository()
    {
        var image = await PushToOidcRepositoryAsync();

        var body = await RunAsync(OidcToken, "/v1/sign/image", new { image = image.TagReference });

        Assert.Equal(image.Digest, body["result"]!["digest"]!.GetValue<string>());
        var record = await fixture.WaitForAuditAsync(r => AuditFile.Text(r, "jobId") == body["id"]!.GetValue<string>());
        Assert.Equal($"oidc:github:repo:{SecurityFixture.OidcImageClaim}:ref:refs/heads/main", AuditFile.Text(record, "principal"));
    }

    [Fact]
    public async Task SignImage_OtherRepositoryClaim_403NoRuleGrantsSign()
    {
        var image = await PushToOidcRepositoryAsync();

        var response = await fixture.Client(SecurityFixture.GitHubToken("org/someone-else"))
            .PostAsync("/v1/sign/image", JsonContent.Create(new { image = image.DigestReference }));

        await BadInputTests.AssertProblemAsync(response, 403, "forbidden", "other repository claim");
        await AssertUnsignedAsync(image);
    }

    [Fact]
    public async Task SignImage_VerifyOnlyPrincipal_403BeforeBodyIsRead()
    {
        var image = await OciApi.PushAsync(fixture.Registry, "team-a");
        var auditBefore = fixture.AuditRecords().Count;

        var response = await fixture.Client(SecurityFixture.ReaderKey)
            .PostAsync("/v1/sign/image", JsonContent.Create(new { image = image.DigestReference }));

        await BadInputTests.AssertProblemAsync(response, 403, "forbidden", "verify-only");
        Assert.Contains("'sign'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertUnsignedAsync(image);
        var refusal = Assert.Single(fixture.AuditRecords().Skip(auditBefore), r => AuditFile.Text(r, "event") == "refused");
        Assert.Equal("apikey:reader", AuditFile.Text(refusal, "principal"));
        Assert.Null(AuditFile.Text(refusal, "artifact")); // refused before the body (and its image) was read
    }

    [Fact]
    public async Task AttestImage_SignGrantWithoutAttest_403_AttestGrant_Attests()
    {
        var image = await PushToOidcRepositoryAsync();
        var request = new { image = image.DigestReference, predicateType = "spdxjson", predicate = Spdx };

        var signOnly = await fixture.Client(SecurityFixture.TeamAKey).PostAsync("/v1/attest/image", JsonContent.Create(request));
        await BadInputTests.AssertProblemAsync(signOnly, 403, "forbidden", "sign-only principal attests");
        Assert.Contains("'attest'", await signOnly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertUnsignedAsync(image);

        var body = await RunAsync(OidcToken, "/v1/attest/image", request);
        Assert.Equal(image.Digest, body["result"]!["digest"]!.GetValue<string>());
        Assert.NotEmpty(await ReferrersAsync(image));
    }

    private async Task<JsonObject> RunAsync(string bearer, string path, object request)
    {
        var (response, body) = await TestApi.PostWaitAsync(fixture.Client(bearer), path, JsonContent.Create(request), 120);
        Assert.True(response.StatusCode == HttpStatusCode.OK && body["status"]?.GetValue<string>() == "succeeded",
            $"{path}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<PushedImage> PushToOidcRepositoryAsync()
    {
        using var pusher = new OciImagePusher(fixture.Registry);
        return await pusher.PushRandomImageAsync(SecurityFixture.OidcImageRepository, "t-" + Guid.NewGuid().ToString("N")[..12]);
    }

    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> ReferrersAsync(PushedImage image)
    {
        using var pusher = new OciImagePusher(fixture.Registry);
        return await pusher.ListReferrersAsync(image.Repository, image.Digest);
    }

    /// <summary>No signature or attestation exists: no referrer and no tag but the pushed one.</summary>
    private async Task AssertUnsignedAsync(PushedImage image)
    {
        using var pusher = new OciImagePusher(fixture.Registry);
        Assert.Empty(await pusher.ListReferrersAsync(image.Repository, image.Digest));
        Assert.DoesNotContain(await pusher.ListTagsAsync(image.Repository), t => t.StartsWith("sha256-", StringComparison.Ordinal));
        if (image.Repository != SecurityFixture.OidcImageRepository) // that one is shared by several tests (one tag each)
        {
            Assert.Equal([image.Tag], await pusher.ListTagsAsync(image.Repository));
        }
    }
}
