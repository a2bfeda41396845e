using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Api;

/// <summary>Bad requests get their documented ProblemDetails and leave nothing behind.</summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public ServiceFactory Factory { get; } = new(new Dictionary<string, string?> { ["Uploads:MaxFileBytes"] = "65536" });
        public void Dispose() => Factory.Dispose();
    }

    private readonly HttpClient _client = fixture.Factory.CreateClient();
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("payload");
    private const string ValidBundle = """{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"x"}},"messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"AA=="},"signature":"AA=="}}""";

    public static TheoryData<string, string, (string, object)[], int, string> Cases => new()
    {
        { "sign: missing file", "/v1/sign/blob", [("key", "release")], 400, "validation" },
        { "sign: empty file", "/v1/sign/blob", [("file", Array.Empty<byte>())], 400, "validation" },
        { "sign: unknown key", "/v1/sign/blob", [("file", Payload), ("key", "nope")], 400, "unknown-key" },
        { "sign: option-looking key", "/v1/sign/blob", [("file", Payload), ("key", "--key=/etc/passwd")], 400, "unknown-key" },
        { "sign: oversize upload", "/v1/sign/blob", [("file", new byte[70_000])], 413, "payload-too-large" },
        { "sign: bad tlog", "/v1/sign/blob", [("file", Payload), ("tlog", "maybe")], 400, "validation" },
        { "sign: annotations not json", "/v1/sign/blob", [("file", Payload), ("annotations", "a=b")], 400, "validation" },
        { "sign: annotation control char", "/v1/sign/blob", [("file", Payload), ("annotations", "{\"a\":\"x\\u0001\"}")], 400, "validation" },
        { "sign: unknown field", "/v1/sign/blob", [("file", Payload), ("certificate", "x")], 400, "validation" },
        { "sign: duplicate field", "/v1/sign/blob", [("file", Payload), ("key", "release"), ("key", "other")], 400, "validation" },
        { "verify: missing file", "/v1/verify/blob", [("bundle", ValidBundle), ("key", "release")], 400, "validation" },
        { "verify: malformed bundle", "/v1/verify/blob", [("file", Payload), ("bundle", "{not json"), ("key", "release")], 400, "validation" },
        { "verify: not a bundle", "/v1/verify/blob", [("file", Payload), ("bundle", "{\"a\":1}"), ("key", "release")], 400, "validation" },
        { "verify: bundle and signature", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("signature", "AA=="), ("key", "release")], 400, "validation" },
        { "verify: neither bundle nor signature", "/v1/verify/blob", [("file", Payload), ("key", "release")], 400, "validation" },
        { "verify: unknown key", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("key", "nope")], 400, "unknown-key" },
        { "verify: no verifier", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle)], 400, "validation" },
        { "verify: two verifiers", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("key", "release"), ("certificateIdentity", "a"), ("certificateOidcIssuer", "b")], 400, "validation" },
        { "verify: identity without issuer", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("certificateIdentity", "a")], 400, "validation" },
        { "verify: bad public key", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("publicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")], 400, "validation" },
        { "verify: signature not base64", "/v1/verify/blob", [("file", Payload), ("signature", "not base64!"), ("key", "release")], 400, "validation" },
        { "verify: bad trusted root", "/v1/verify/blob", [("file", Payload), ("bundle", ValidBundle), ("key", "release"), ("trustedRoot", "{}")], 400, "validation" },
        { "verify: oversize upload", "/v1/verify/blob", [("file", new byte[70_000]), ("bundle", ValidBundle), ("key", "release")], 413, "payload-too-large" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BadInput_ProblemDetailsAndNothingLeft(string name, string path, (string, object)[] parts, int status, string type)
    {
        var before = fixture.Factory.JobFolders();

        var response = await _client.PostAsync(path, TestApi.Form(parts));

        await AssertProblemAsync(response, status, type, name);
        Assert.Equal(before, fixture.Factory.JobFolders());
    }

    [Fact]
    public async Task Post_NotMultipart_Unsupported()
    {
        var before = fixture.Factory.JobFolders();

        var response = await _client.PostAsync("/v1/sign/blob", JsonContent.Create(new { file = "x" }));

        await AssertProblemAsync(response, 415, "unsupported-media-type", "json body");
        Assert.Equal(before, fixture.Factory.JobFolders());
    }

    [Fact]
    public async Task Post_InvalidUtf8Field_Rejected()
    {
        var form = TestApi.Form(("file", Payload));
        form.Add(new ByteArrayContent([0x7b, 0xff, 0xfe, 0x7d]), "annotations");
        var before = fixture.Factory.JobFolders();

        var response = await _client.PostAsync("/v1/sign/blob", form);

        await AssertProblemAsync(response, 400, "validation", "invalid utf-8");
        Assert.Equal(before, fixture.Factory.JobFolders());
    }

    [Theory]
    [InlineData("/v1/jobs/jdoesnotexist0000000000000", "job-not-found")]
    [InlineData("/v1/jobs/../../etc/passwd", "not-found")]
    [InlineData("/v1/keys/nope/public.pem", "key-not-found")]
    [InlineData("/problems/nope", "not-found")]
    public async Task Get_Unknown_404Problem(string path, string type)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal($"/problems/{type}", body!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetArtifact_UnknownName_404Problem()
    {
        var job = await TestApi.RunJobAsync(_client, "/v1/sign/blob", TestApi.Form(("file", Payload)));

        var response = await _client.GetAsync($"/v1/jobs/{job["id"]}/artifacts/..%2F..%2Fpassword");

        await AssertProblemAsync(response, 404, "artifact-not-found", "artifact");
    }

    [Fact]
    public async Task Problems_EveryTypeResolves()
    {
        var all = await _client.GetFromJsonAsync<JsonArray>("/problems");
        foreach (var type in all!.Select(p => p!["type"]!.GetValue<string>()))
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(type)).StatusCode);
        }
    }

    internal static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type, string because)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{because}: expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal($"/problems/{type}", body["type"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
    }
}
