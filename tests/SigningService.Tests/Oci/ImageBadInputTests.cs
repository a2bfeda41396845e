using System.Net;
using System.Net.Http.Json;
using System.Text;
using SigningService.Tests.Api;
using SigningService.Tests.Infrastructure;
using SigningService.Tests.Infrastructure.Registry;

namespace SigningService.Tests.Oci;

/// <summary>Bad image requests are refused before a job exists; only the registry's "no such image" becomes a job failure.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ImageBadInputTests(RegistryFixture registries, OciService service) : IClassFixture<OciService>
{
    private const string Digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000";
    private readonly ServiceFactory _factory = service.Factory(registries);

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        { "option-looking image", "/v1/sign/image", """{"image":"--key=/etc/passwd"}""", 400, "validation" },
        { "image with whitespace", "/v1/sign/image", """{"image":"127.0.0.1:5000/app :v1"}""", 400, "validation" },
        { "image with newline", "/v1/verify/image", """{"image":"127.0.0.1:5000/app\n:v1","key":"release"}""", 400, "validation" },
        { "bad digest", "/v1/sign/image", """{"image":"127.0.0.1:5000/app@sha256:abc"}""", 400, "validation" },
        { "uppercase digest", "/v1/sign/image", $$"""{"image":"127.0.0.1:5000/app@{{Digest.ToUpperInvariant()}}"}""", 400, "validation" },
        { "no registry host", "/v1/sign/image", """{"image":"library/app:v1"}""", 400, "validation" },
        { "missing image", "/v1/sign/image", """{}""", 400, "validation" },
        { "unknown member", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","recursive":true}""", 400, "validation" },
        { "duplicate member", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","image":"127.0.0.1:5000/x:v1"}""", 400, "validation" },
        { "malformed json", "/v1/sign/image", """{"image":""", 400, "validation" },
        { "unknown key", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","key":"nope"}""", 400, "unknown-key" },
        { "bad format", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","format":"cms"}""", 400, "validation" },
        { "annotation bad key", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","annotations":{"-a":"b"}}""", 400, "validation" },
        { "signature repo with tag", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","signatureRepository":"127.0.0.1:5000/sigs:v1"}""", 400, "validation" },
        { "signature repo elsewhere", "/v1/sign/image", """{"image":"127.0.0.1:5000/app:v1","signatureRepository":"other.example.com/sigs"}""", 400, "validation" },
        { "predicate not json object", "/v1/attest/image", """{"image":"127.0.0.1:5000/app:v1","predicateType":"custom","predicate":"text"}""", 400, "validation" },
        { "predicate missing", "/v1/attest/image", """{"image":"127.0.0.1:5000/app:v1","predicateType":"custom"}""", 400, "validation" },
        { "predicate type unknown", "/v1/attest/image", """{"image":"127.0.0.1:5000/app:v1","predicateType":"sbom","predicate":{}}""", 400, "validation" },
        { "predicate type option", "/v1/attest/image", """{"image":"127.0.0.1:5000/app:v1","predicateType":"--type=x","predicate":{}}""", 400, "validation" },
        { "verify: no verifier", "/v1/verify/image", """{"image":"127.0.0.1:5000/app:v1"}""", 400, "validation" },
        { "verify: two verifiers", "/v1/verify/image", """{"image":"127.0.0.1:5000/app:v1","key":"release","certificateIdentity":"a","certificateOidcIssuer":"b"}""", 400, "validation" },
        { "verify: bad public key", "/v1/verify/image", """{"image":"127.0.0.1:5000/app:v1","publicKey":"nope"}""", 400, "validation" },
        { "verify: bad trusted root", "/v1/verify/image", """{"image":"127.0.0.1:5000/app:v1","key":"release","trustedRoot":{}}""", 400, "validation" },
        { "verify attestation: no type", "/v1/verify/attestation", """{"image":"127.0.0.1:5000/app:v1","key":"release"}""", 400, "validation" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_BadJson_ProblemBeforeAnyJob(string name, string path, string json, int status, string type)
    {
        var client = _factory.CreateClient();
        var before = _factory.JobFolders();

        var response = await client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

        await BadInputTests.AssertProblemAsync(response, status, type, name);
        Assert.Equal(before, _factory.JobFolders());
    }

    [Fact]
    public async Task Post_FormInsteadOfJson_Unsupported()
    {
        var response = await _factory.CreateClient().PostAsync("/v1/sign/image", TestApi.Form(("image", "127.0.0.1:5000/app:v1")));

        await BadInputTests.AssertProblemAsync(response, 415, "unsupported-media-type", "form body");
    }

    [Fact]
    public async Task AttestImage_PredicateTooDeep_Refused()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 80)) + "1" + new string('}', 80);
        var json = $$"""{"image":"127.0.0.1:5000/app:v1","predicateType":"custom","predicate":{{deep}}}""";

        var response = await _factory.CreateClient().PostAsync("/v1/attest/image", new StringContent(json, Encoding.UTF8, "application/json"));

        await BadInputTests.AssertProblemAsync(response, 400, "validation", "deep predicate");
    }

    [Theory]
    [InlineData("{not json", "predicate not json")]
    [InlineData("[1,2]", "predicate not an object")]
    public async Task AttestBlob_InvalidPredicate_Refused(string predicate, string because)
    {
        var before = _factory.JobFolders();
        var form = TestApi.Form(("file", Encoding.UTF8.GetBytes("x")), ("predicate", predicate), ("predicateType", "spdxjson"));

        var response = await _factory.CreateClient().PostAsync("/v1/attest/blob", form);

        await BadInputTests.AssertProblemAsync(response, 400, "validation", because);
        Assert.Equal(before, _factory.JobFolders());
    }

    [Fact]
    public async Task VerifyBlobAttestation_PlainSignatureBundle_Refused()
    {
        const string bundle = """{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"x"}},"messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"AA=="},"signature":"AA=="}}""";
        var form = TestApi.Form(("file", Encoding.UTF8.GetBytes("x")), ("bundle", bundle), ("predicateType", "spdxjson"), ("key", "release"));

        var response = await _factory.CreateClient().PostAsync("/v1/verify/blob-attestation", form);

        await BadInputTests.AssertProblemAsync(response, 400, "validation", "signature bundle");
    }

    [Theory]
    [InlineData("/v1/sign/image", "unknown/repo:v1")]
    [InlineData("/v1/sign/image", "unknown/repo@" + Digest)]
    [InlineData("/v1/attest/image", "unknown/repo:v1")]
    [InlineData("/v1/verify/image", "unknown/repo:v1")]
    public async Task Post_UnknownRepository_JobFailsManifestUnknown(string path, string image)
    {
        var reference = $"{registries.Plain.Host}/{image}";
        object body = path switch
        {
            "/v1/attest/image" => new { image = reference, predicateType = "custom", predicate = new { a = 1 } },
            "/v1/verify/image" => new { image = reference, key = "release", ignoreTlog = true },
            _ => new { image = reference },
        };

        var (status, job) = await OciApi.PostAsync(_factory.CreateClient(), path, body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("failed", job["status"]!.GetValue<string>());
        Assert.True(job["error"]?["type"]?.GetValue<string>() == "/problems/manifest-unknown", job.ToJsonString());
    }
}
