using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Api;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Security;

/// <summary>Principals can do exactly what their rules grant; refusals explain themselves, sign nothing and are audited.</summary>
[Collection(SecurityCollection.Name)]
public sealed class AuthorizationTests(SecurityFixture fixture)
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("release artifact");

    public static TheoryData<string, string, string, string, string> Refusals => new()
    {
        // name, credential, key, file name, what the detail must name
        { "other key", SecurityFixture.CiBotKey, "other", "app.tar.gz", "key 'other'" },
        { "blob outside scope", SecurityFixture.CiBotKey, "release", "app.zip", "blob 'app.zip'" },
        { "operation not granted", SecurityFixture.ReaderKey, "release", "app.tar.gz", "'sign'" },
        { "oidc: other key", SecurityFixture.GitHubToken("org/app"), "other", "app-1.0.tar.gz", "key 'other'" },
        { "oidc: other repository", SecurityFixture.GitHubToken("org/evil"), "release", "app-1.0.tar.gz", "'sign'" },
        { "oidc: tag ref not granted", SecurityFixture.GitHubToken("org/app", "refs/tags/v1"), "release", "app-1.0.tar.gz", "'sign'" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task SignBlob_OutsideScope_403ExplainedNothingSignedAudited(string name, string bearer, string key, string fileName, string names)
    {
        var before = fixture.Factory.JobFolders();
        var auditBefore = fixture.AuditRecords().Count;

        var response = await fixture.Client(bearer).PostAsync("/v1/sign/blob", Form(key, fileName));

        await BadInputTests.AssertProblemAsync(response, 403, "forbidden", name);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>();
        Assert.Contains(names, detail, StringComparison.Ordinal);
        // Other principals' rules stay private.
        Assert.DoesNotContain("other-team", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("app-releases", detail, StringComparison.Ordinal);
        Assert.Equal(before, fixture.Factory.JobFolders());
        var refusal = Assert.Single(fixture.AuditRecords().Skip(auditBefore), r => AuditFile.Text(r, "event") == "refused");
        Assert.Equal("forbidden", AuditFile.Text(refusal, "result"));
        Assert.Equal(detail, AuditFile.Text(refusal, "reason"));
        // A caller without the operation at all is refused before its upload is read: no key is known then.
        Assert.Equal(names == "'sign'" ? null : key, AuditFile.Text(refusal, "key"));
    }

    [Fact]
    public async Task SignBlob_ApiKeyInScope_SignsAndAuditsDigest()
    {
        var body = await TestApi.RunJobAsync(fixture.Client(SecurityFixture.CiBotKey), "/v1/sign/blob", Form("release", "app.tar.gz"));

        var jobId = body["id"]!.GetValue<string>();
        var record = await fixture.WaitForAuditAsync(r => AuditFile.Text(r, "jobId") == jobId);
        Assert.Equal("job", AuditFile.Text(record, "event"));
        Assert.Equal("apikey:ci-bot", AuditFile.Text(record, "principal"));
        Assert.Equal("succeeded", AuditFile.Text(record, "result"));
        Assert.Equal("release", AuditFile.Text(record, "key"));
        Assert.Equal("app.tar.gz", AuditFile.Text(record, "artifact"));
        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Payload)), AuditFile.Text(record, "digest"));
    }

    [Fact]
    public async Task SignBlob_GitHubTokenMatchingRule_SignsOnlyWithThatRulesKey()
    {
        var token = SecurityFixture.GitHubToken("org/app");

        var body = await TestApi.RunJobAsync(fixture.Client(token), "/v1/sign/blob", Form("release", "app-1.0.tar.gz"));
        var other = await fixture.Client(token).PostAsync("/v1/sign/blob", Form("other", "app-1.0.tar.gz"));
        var outsideBlobs = await fixture.Client(token).PostAsync("/v1/sign/blob", Form("release", "lib-1.0.tar.gz"));

        Assert.Equal("release", body["result"]!["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsideBlobs.StatusCode);
        var record = await fixture.WaitForAuditAsync(r => AuditFile.Text(r, "jobId") == body["id"]!.GetValue<string>());
        Assert.Equal("oidc:github:repo:org/app:ref:refs/heads/main", AuditFile.Text(record, "principal"));
    }

    [Fact]
    public async Task Jobs_OtherPrincipal_404LikeMissing_OwnerAndAdminSeeIt()
    {
        var body = await TestApi.RunJobAsync(fixture.Client(SecurityFixture.CiBotKey), "/v1/sign/blob", Form("release", "app.tar.gz"));
        var id = body["id"]!.GetValue<string>();
        var stranger = fixture.Client(SecurityFixture.OtherTeamKey);

        await BadInputTests.AssertProblemAsync(await stranger.GetAsync($"/v1/jobs/{id}"), 404, "job-not-found", "get");
        await BadInputTests.AssertProblemAsync(await stranger.GetAsync($"/v1/jobs/{id}/artifacts/bundle"), 404, "job-not-found", "artifact");
        await BadInputTests.AssertProblemAsync(await stranger.DeleteAsync($"/v1/jobs/{id}"), 404, "job-not-found", "delete");
        Assert.Equal(HttpStatusCode.OK, (await fixture.Client(SecurityFixture.CiBotKey).GetAsync($"/v1/jobs/{id}/artifacts/bundle")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync($"/v1/jobs/{id}")).StatusCode);
    }

    [Fact]
    public async Task ListKeys_WithoutReadKeys_403()
    {
        var response = await fixture.Client(SecurityFixture.CiBotKey).GetAsync("/v1/keys");

        await BadInputTests.AssertProblemAsync(response, 403, "forbidden", "read-keys");
    }

    [Fact]
    public async Task AuditLog_AfterRefusalsAndJobs_ChainIntactAndPrivate()
    {
        await TestApi.RunJobAsync(fixture.Client(SecurityFixture.CiBotKey), "/v1/sign/blob", Form("release", "app.tar.gz"));
        await fixture.Client(SecurityFixture.CiBotKey).PostAsync("/v1/sign/blob", Form("other", "app.tar.gz"));
        using var output = new StringWriter();

        var exit = await SigningService.Admin.AuditVerifyCommand.RunAsync(["verify", fixture.Factory.AuditPath], output);

        Assert.True(exit == 0, output.ToString());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fixture.Factory.AuditPath));
        }
    }

    private static MultipartFormDataContent Form(string key, string fileName)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Payload), "file", fileName);
        form.Add(new StringContent(key), "key");
        return form;
    }
}
