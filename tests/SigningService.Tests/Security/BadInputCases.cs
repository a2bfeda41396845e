using System.Text;
using static SigningService.Tests.Security.BadRequest;

namespace SigningService.Tests.Security;

/// <summary>
/// The table of bad requests, grouped by endpoint. Image endpoints add their own group
/// (e.g. <c>ImageCases()</c>) and list it in <see cref="All"/>.
/// </summary>
public static partial class BadInputCases
{
    private const string Sign = "/v1/sign/blob";
    private const string Verify = "/v1/verify/blob";
    private const string Bundle = """{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"publicKey":{"hint":"x"}},"messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"AA=="},"signature":"AA=="}}""";

    /// <summary>Uploads:MaxFileBytes / MaxFieldBytes of the suite's service.</summary>
    public const int MaxFileBytes = 65536;
    public const int MaxFieldBytes = 16384;

    public static IReadOnlyList<BadRequest> All { get; } = [.. SignBlobCases(), .. VerifyBlobCases(), .. HeaderCases(), .. ReadCases(), .. ImageCases(), .. ImageAttestationCases()];

    private static Part File => Part.File("app.tar.gz");

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private static string NestedObject(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "\"x\"" + new string('}', depth);

    private static BadRequest SignCase(string name, int status, string type, params Part[] parts) =>
        new("sign: " + name, () => Post(Sign, Form(parts)), status, type);

    private static BadRequest VerifyCase(string name, int status, string type, params Part[] parts) =>
        new("verify: " + name, () => Post(Verify, Form(parts)), status, type);

    public static IEnumerable<BadRequest> SignBlobCases() =>
    [
        SignCase("option injection in key (--key=)", 400, "unknown-key", File, Part.Field("key", "--key=/etc/passwd")),
        SignCase("option injection in key (-k)", 400, "unknown-key", File, Part.Field("key", "-k")),
        SignCase("key with a second flag", 400, "unknown-key", File, Part.Field("key", "release --tlog-upload=true")),
        SignCase("key with newline", 400, "unknown-key", File, Part.Field("key", "release\nother")),
        SignCase("key with NUL", 400, "validation", File, Part.Field("key", "release\0")),
        SignCase("key path traversal", 400, "unknown-key", File, Part.Field("key", "../../etc/passwd")),
        SignCase("key invalid UTF-8", 400, "validation", File, Part.Binary("key", [0x72, 0xc3, 0x28])),
        SignCase("tlog option injection", 400, "validation", File, Part.Field("tlog", "--tlog-upload=false")),
        SignCase("tlog with NUL", 400, "validation", File, Part.Field("tlog", "true\0")),
        SignCase("annotations nested object", 400, "validation", File, Part.Field("annotations", "{\"a\":{\"b\":\"c\"}}")),
        SignCase("annotations deeply nested (1000)", 400, "validation", File, Part.Field("annotations", NestedObject(1000))),
        SignCase("annotations nested arrays (5000)", 400, "validation", File, Part.Field("annotations", Nested(5000))),
        SignCase("annotations huge field", 413, "payload-too-large", File, Part.Field("annotations", "{\"a\":\"" + new string('x', MaxFieldBytes) + "\"}")),
        SignCase("annotation key is an option", 400, "validation", File, Part.Field("annotations", "{\"--key\":\"x\"}")),
        SignCase("annotation key path traversal", 400, "validation", File, Part.Field("annotations", "{\"../x\":\"y\"}")),
        SignCase("annotation value with newline", 400, "validation", File, Part.Field("annotations", "{\"a\":\"x\\ny\"}")),
        SignCase("annotation value with escaped NUL", 400, "validation", File, Part.Field("annotations", "{\"a\":\"x\\u0000\"}")),
        SignCase("annotation value with raw NUL", 400, "validation", File, Part.Field("annotations", "{\"a\":\"x\0\"}")),
        SignCase("annotation value lone surrogate", 400, "validation", File, Part.Field("annotations", "{\"a\":\"\\udbff\"}")),
        SignCase("file name* with encoded surrogate", 400, "validation", Part.FileStar("a%ED%A0%80b")),
        SignCase("annotation key with trailing newline", 400, "validation", File, Part.Field("annotations", "{\"env\\n\":\"x\"}")),
        SignCase("annotation key lone surrogate", 400, "validation", File, Part.Field("annotations", "{\"a\\ud800\":\"x\"}")),
        SignCase("file name* with RTL override", 400, "validation", Part.FileStar("app%E2%80%AEzg.tar.exe")),
        SignCase("annotation value with escape char", 400, "validation", File, Part.Field("annotations", "{\"a\":\"\\u001b[31m\"}")),
        SignCase("annotations array", 400, "validation", File, Part.Field("annotations", "[\"a\"]")),
        SignCase("annotations too many", 400, "validation", File, Part.Field("annotations",
            "{" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"\"k{i}\":\"v\"")) + "}")),
        SignCase("annotation value too long", 400, "validation", File, Part.Field("annotations", "{\"a\":\"" + new string('x', 1025) + "\"}")),
        SignCase("annotation key twice", 400, "validation", File, Part.Field("annotations", "{\"a\":\"1\",\"a\":\"2\"}")),
        SignCase("annotations invalid UTF-8", 400, "validation", File, Part.Binary("annotations", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
        SignCase("annotations trailing garbage", 400, "validation", File, Part.Field("annotations", "{\"a\":\"b\"} --key=x")),
        SignCase("annotation number value", 400, "validation", File, Part.Field("annotations", "{\"a\":1}")),
        SignCase("file name traversal", 400, "validation", Part.File("../../x")),
        SignCase("file name absolute", 400, "validation", Part.File("/etc/passwd")),
        SignCase("file name backslash traversal", 400, "validation", Part.File("..\\\\..\\\\x")),
        SignCase("file name dot-dot", 400, "validation", Part.File("..")),
        SignCase("file name too long", 400, "validation", Part.File(new string('a', 300))),
        SignCase("file name* with NUL", 400, "validation", Part.FileStar("a%00b")),
        SignCase("file name* with CRLF", 400, "validation", Part.FileStar("a%0D%0AX-Injected: 1")),
        SignCase("file name* traversal", 400, "validation", Part.FileStar("..%2F..%2Fx")),
        SignCase("file name with control char", 400, "validation", Part.File("a\u0007b")),
        SignCase("file twice", 400, "validation", File, Part.File("b.tar.gz")),
        SignCase("key twice", 400, "validation", File, Part.Field("key", "release"), Part.Field("key", "other")),
        SignCase("unknown field named like an option", 400, "validation", File, Part.Field("--key", "x")),
        SignCase("unknown field with NUL", 400, "validation", File, Part.Field("key\0", "x")),
        SignCase("field without a name", 400, "validation", File, Part.Raw("form-data", "x")),
        SignCase("part not form-data", 400, "validation", Part.Raw("attachment; name=\"file\"", "x")),
        SignCase("oversize upload", 413, "payload-too-large", Part.File("big.bin", new byte[MaxFileBytes + 10])),
        SignCase("empty file", 400, "validation", Part.File("empty.bin", [])),
        new("sign: JSON body", () => Post(Sign, new StringContent("{\"file\":\"x\",\"key\":\"--key=/etc/passwd\"}", Encoding.UTF8, "application/json")), 415, "unsupported-media-type"),
        new("sign: deeply nested JSON body", () => Post(Sign, new StringContent(Nested(10000), Encoding.UTF8, "application/json")), 415, "unsupported-media-type"),
        new("sign: multipart without boundary", () => Post(Sign, Raw("", "multipart/form-data")), 400, "validation"),
        new("sign: boundary too long", () => Post(Sign, Raw("", "multipart/form-data; boundary=" + new string('b', 250))), 400, "validation"),
        new("sign: truncated body", () => Post(Sign, Raw("--xx\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc", "multipart/form-data; boundary=xx")), 400, "validation"),
        new("sign: empty multipart body", () => Post(Sign, Raw("", "multipart/form-data; boundary=xx")), 400, "validation"),
    ];

    public static IEnumerable<BadRequest> VerifyBlobCases() =>
    [
        VerifyCase("option injection in key", 400, "unknown-key", File, Part.Field("bundle", Bundle), Part.Field("key", "--key=/etc/passwd")),
        VerifyCase("identity with NUL", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("certificateIdentity", "a\0b"), Part.Field("certificateOidcIssuer", "https://x")),
        VerifyCase("identity too long", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("certificateIdentity", new string('a', 2000)), Part.Field("certificateOidcIssuer", "https://x")),
        VerifyCase("bundle deeply nested", 400, "validation", File, Part.Field("bundle", Nested(5000)), Part.Field("key", "release")),
        VerifyCase("bundle nested objects", 400, "validation", File, Part.Field("bundle", NestedObject(500)), Part.Field("key", "release")),
        VerifyCase("bundle huge", 413, "payload-too-large", File, Part.Field("bundle", "{\"a\":\"" + new string('x', MaxFieldBytes) + "\"}"), Part.Field("key", "release")),
        VerifyCase("bundle invalid UTF-8", 400, "validation", File, Part.Binary("bundle", [0x7b, 0xc0, 0xaf, 0x7d]), Part.Field("key", "release")),
        VerifyCase("bundle media type lone surrogate", 400, "validation", File, Part.Field("bundle", "{\"mediaType\":\"\\ud800\",\"verificationMaterial\":{}}"), Part.Field("key", "release")),
        VerifyCase("trusted root deeply nested", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("key", "release"), Part.Field("trustedRoot", Nested(5000))),
        VerifyCase("public key is an option", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("publicKey", "--key=/etc/passwd")),
        VerifyCase("signature with NUL", 400, "validation", File, Part.Field("signature", "AA==\0"), Part.Field("key", "release")),
        VerifyCase("signature is an option", 400, "validation", File, Part.Field("signature", "--signature=/etc/passwd"), Part.Field("key", "release")),
        VerifyCase("file name traversal", 400, "validation", Part.File("../../etc/passwd"), Part.Field("bundle", Bundle), Part.Field("key", "release")),
        VerifyCase("bundle twice", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("bundle", Bundle), Part.Field("key", "release")),
        VerifyCase("requireTlog not a boolean", 400, "validation", File, Part.Field("bundle", Bundle), Part.Field("key", "release"), Part.Field("requireTlog", "--insecure-ignore-tlog")),
        VerifyCase("oversize upload", 413, "payload-too-large", Part.File("big.bin", new byte[MaxFileBytes + 10]), Part.Field("bundle", Bundle), Part.Field("key", "release")),
    ];

    public static IEnumerable<BadRequest> HeaderCases() =>
    [
        new("header: Prefer wait not a number", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "wait=abc")), 400, "validation"),
        new("header: Prefer wait negative", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "wait=-5")), 400, "validation"),
        new("header: Prefer wait overflow", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "wait=99999999999")), 400, "validation"),
        new("header: Prefer wait without value", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "wait")), 400, "validation"),
        new("header: Prefer too long", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "respond-async, " + new string('x', 400))), 400, "validation"),
        new("header: Prefer with CRLF", () => Post(Sign, Form(File), RequestHeaders.Add("Prefer", "wait=1\r\nX-Injected: 1")), 400, "validation"),
        new("header: two Prefer headers", () => Post(Sign, Form(File), r => { r.Headers.TryAddWithoutValidation("Prefer", "wait=1"); r.Headers.TryAddWithoutValidation("Prefer", "wait=2"); }), 400, "validation"),
        new("header: Basic instead of Bearer", () => Post(Sign, Form(File), r => r.Headers.Authorization = new("Basic", "dXNlcjpwYXNz")), 401, "unauthenticated"),
        new("header: huge bearer token", () => Post(Sign, Form(File), RequestHeaders.Bearer(new string('a', 20_000) + "." + "b.c")), 401, "unauthenticated"),
        new("header: bearer with control char", () => Post(Sign, Form(File), RequestHeaders.Add("Authorization", "Bearer ss_abc\u0001def")), 401, "unauthenticated"),
        new("header: empty bearer", () => Post(Sign, Form(File), RequestHeaders.Add("Authorization", "Bearer ")), 401, "unauthenticated"),
        new("header: JWT with lone-surrogate issuer", () => Post(Sign, Form(File), RequestHeaders.Bearer(
            Jwt("{\"alg\":\"RS256\",\"kid\":\"k\\ud800\"}", "{\"iss\":\"\\udc00\",\"aud\":\"x\"}"))), 401, "unauthenticated"),
        new("header: JWT-shaped garbage", () => Post(Sign, Form(File), RequestHeaders.Bearer("a.b.c")), 401, "unauthenticated"),
    ];

    public static IEnumerable<BadRequest> ReadCases() =>
    [
        new("jobs: id path traversal", () => Send(HttpMethod.Get, "/v1/jobs/..%2F..%2Fetc%2Fpasswd"), 404, "job-not-found"),
        new("jobs: id with control char", () => Send(HttpMethod.Get, "/v1/jobs/j%01%1b"), 404, "job-not-found"),
        new("jobs: id very long", () => Send(HttpMethod.Get, "/v1/jobs/" + new string('j', 4000)), 404, "job-not-found"),
        new("jobs: delete option-like id", () => Send(HttpMethod.Delete, "/v1/jobs/-rf"), 404, "job-not-found"),
        new("jobs: artifact traversal", () => Send(HttpMethod.Get, "/v1/jobs/jx/artifacts/..%2F..%2Fetc%2Fpasswd"), 404, "job-not-found"),
        new("keys: name traversal", () => Send(HttpMethod.Get, "/v1/keys/..%2F..%2Fetc%2Fpasswd/public.pem"), 404, "key-not-found"),
        new("keys: option-like name", () => Send(HttpMethod.Get, "/v1/keys/--key=x/public.pem"), 404, "key-not-found"),
        new("keys: POST", () => Post("/v1/keys", new StringContent("{}", Encoding.UTF8, "application/json")), 405, "method-not-allowed"),
        new("sign: GET", () => Send(HttpMethod.Get, Sign), 405, "method-not-allowed"),
        new("sign: PUT", () => new HttpRequestMessage(HttpMethod.Put, Sign) { Content = Form(File) }, 405, "method-not-allowed"),
    ];

    private static string Jwt(string header, string payload) =>
        $"{Base64Url(header)}.{Base64Url(payload)}.{Base64Url("signature")}";

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ByteArrayContent Raw(string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
