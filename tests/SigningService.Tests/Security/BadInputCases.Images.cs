using System.Text;
using static SigningService.Tests.Security.BadRequest;

namespace SigningService.Tests.Security;

/// <summary>The image and attestation rows: JSON bodies (and the attest-blob form), all refused before a job exists.</summary>
public static partial class BadInputCases
{
    /// <summary>JsonBodies:MaxBytes / MaxPredicateBytes of the suite's service.</summary>
    public const int MaxJsonBytes = 65536;
    public const int MaxPredicateBytes = 8192;

    private const string SignImage = "/v1/sign/image";
    private const string AttestImage = "/v1/attest/image";
    private const string VerifyImage = "/v1/verify/image";
    private const string VerifyAttestation = "/v1/verify/attestation";
    private const string Host = "127.0.0.1:5000";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Ok = $"\"image\":\"{Host}/team/app@{Digest}\"";

    private static BadRequest Json(string name, string path, string body, int status, string type, string contentType = "application/json") =>
        new(name, () => Post(path, Raw(body, contentType)), status, type);

    private static BadRequest JsonBytes(string name, string path, byte[] body, int status, string type) =>
        new(name, () => Post(path, RawBytes(body, "application/json")), status, type);

    private static BadRequest ImageRow(string name, string image) =>
        Json("image: " + name, SignImage, $"{{\"image\":\"{image}\"}}", 400, "validation");

    private static string Predicate(int bytes) => "{\"p\":\"" + new string('x', bytes) + "\"}";

    public static IEnumerable<BadRequest> ImageCases() =>
    [
        ImageRow("option injection (--key=)", "--key=/etc/passwd"),
        ImageRow("option injection (-v)", "-v"),
        ImageRow("option after reference", $"{Host}/team/app:v1 --key=x"),
        ImageRow("leading space", $" {Host}/team/app:v1"),
        ImageRow("trailing tab", $"{Host}/team/app:v1\\t"),
        ImageRow("escaped NUL", $"{Host}/team/app\\u0000:v1"),
        ImageRow("escaped newline", $"{Host}/team/app:v1\\n--key=x"),
        ImageRow("repository traversal", $"{Host}/../../etc/passwd:v1"),
        ImageRow("repository dot segment", $"{Host}/team/./app:v1"),
        ImageRow("repository percent-encoded traversal", $"{Host}/team/%2e%2e/app:v1"),
        ImageRow("repository backslash", $"{Host}/team\\\\..\\\\app:v1"),
        ImageRow("repository empty segment", $"{Host}/team//app:v1"),
        ImageRow("repository uppercase", $"{Host}/Team/App:v1"),
        ImageRow("registry with userinfo", $"user:pass@{Host}/team/app:v1"),
        ImageRow("registry port out of range", "127.0.0.1:99999/team/app:v1"),
        ImageRow("no registry host", "team/app:v1"),
        ImageRow("digest too short", $"{Host}/team/app@sha256:abc"),
        ImageRow("digest uppercase hex", $"{Host}/team/app@{Digest.ToUpperInvariant()}"),
        ImageRow("digest unknown algorithm", $"{Host}/team/app@md5:0123456789abcdef0123456789abcdef"),
        ImageRow("digest with option", $"{Host}/team/app@{Digest}--key=x"),
        ImageRow("two digests", $"{Host}/team/app@{Digest}@{Digest}"),
        ImageRow("tag too long", $"{Host}/team/app:" + new string('t', 129)),
        ImageRow("tag starting with dash", $"{Host}/team/app:-v"),
        ImageRow("name too long", $"{Host}/" + string.Join("/", Enumerable.Repeat(new string('a', 60), 10)) + ":v1"),
        ImageRow("empty", ""),
        Json("image: not a string", SignImage, "{\"image\":42}", 400, "validation"),
        Json("image: an array", SignImage, $"{{\"image\":[\"{Host}/team/app:v1\"]}}", 400, "validation"),
        Json("image: null", SignImage, "{\"image\":null}", 400, "validation"),
        JsonBytes("image: raw NUL byte", SignImage, [.. Encoding.UTF8.GetBytes($"{{\"image\":\"{Host}/app"), 0x00, .. "\"}"u8], 400, "validation"),
        JsonBytes("image: invalid UTF-8", SignImage, [.. Encoding.UTF8.GetBytes($"{{\"image\":\"{Host}/app"), 0xc3, 0x28, .. "\"}"u8], 400, "validation"),
        JsonBytes("image: overlong UTF-8 slash", SignImage, [.. Encoding.UTF8.GetBytes($"{{\"image\":\"{Host}"), 0xc0, 0xaf, .. "app:v1\"}"u8], 400, "validation"),
        Json("sign image: key option injection", SignImage, $"{{{Ok},\"key\":\"--key=/etc/passwd\"}}", 400, "unknown-key"),
        Json("sign image: key path traversal", SignImage, $"{{{Ok},\"key\":\"../../etc/passwd\"}}", 400, "unknown-key"),
        Json("sign image: tlog as string", SignImage, $"{{{Ok},\"tlog\":\"--tlog-upload=false\"}}", 400, "validation"),
        Json("sign image: format option", SignImage, $"{{{Ok},\"format\":\"--new-bundle-format=false\"}}", 400, "validation"),
        Json("sign image: signature repository traversal", SignImage, $"{{{Ok},\"signatureRepository\":\"{Host}/../sigs\"}}", 400, "validation"),
        Json("sign image: signature repository option", SignImage, $"{{{Ok},\"signatureRepository\":\"--registry-password=x\"}}", 400, "validation"),
        Json("sign image: annotation key option", SignImage, $"{{{Ok},\"annotations\":{{\"--key\":\"x\"}}}}", 400, "validation"),
        Json("sign image: annotation value nested", SignImage, $"{{{Ok},\"annotations\":{{\"a\":{{\"b\":\"c\"}}}}}}", 400, "validation"),
        Json("sign image: annotation key twice", SignImage, $"{{{Ok},\"annotations\":{{\"a\":\"1\",\"a\":\"2\"}}}}", 400, "validation"),
        Json("sign image: unknown member", SignImage, $"{{{Ok},\"recursive\":true}}", 400, "validation"),
        Json("sign image: unknown member like an option", SignImage, $"{{{Ok},\"--key\":\"x\"}}", 400, "validation"),
        Json("sign image: duplicate member", SignImage, $"{{{Ok},\"image\":\"{Host}/other/app:v1\"}}", 400, "validation"),
        Json("sign image: duplicate member other case", SignImage, $"{{{Ok},\"Image\":\"{Host}/other/app:v1\"}}", 400, "validation"),
        Json("sign image: body is an array", SignImage, $"[{{{Ok}}}]", 400, "validation"),
        Json("sign image: body is null", SignImage, "null", 400, "validation"),
        Json("sign image: empty body", SignImage, "", 400, "validation"),
        Json("sign image: trailing garbage", SignImage, $"{{{Ok}}} --key=x", 400, "validation"),
        Json("sign image: comment", SignImage, $"{{{Ok} /* --key=x */}}", 400, "validation"),
        Json("sign image: trailing comma", SignImage, $"{{{Ok},}}", 400, "validation"),
        Json("sign image: deeply nested arrays", SignImage, Nested(10000), 400, "validation"),
        Json("sign image: deeply nested member", SignImage, $"{{{Ok},\"annotations\":{NestedObject(200)}}}", 400, "validation"),
        Json("sign image: huge body", SignImage, $"{{{Ok},\"annotations\":{{\"a\":\"{new string('x', MaxJsonBytes)}\"}}}}", 413, "payload-too-large"),
        Json("sign image: text/plain", SignImage, $"{{{Ok}}}", 415, "unsupported-media-type", "text/plain"),
        Json("sign image: json-lookalike media type", SignImage, $"{{{Ok}}}", 415, "unsupported-media-type", "application/jsonx"),
        Json("sign image: no content type", SignImage, $"{{{Ok}}}", 415, "unsupported-media-type", ""),
        new("sign image: multipart form", () => Post(SignImage, Form(Part.Field("image", $"{Host}/team/app:v1"))), 415, "unsupported-media-type"),
        Json("sign image: annotation key trailing newline", SignImage, $"{{{Ok},\"annotations\":{{\"env\\n\":\"x\"}}}}", 400, "validation"),
        Json("sign image: annotation lone surrogate", SignImage, $"{{{Ok},\"annotations\":{{\"a\":\"x\\ud800\"}}}}", 400, "validation"),
        Json("sign image: annotation line separator", SignImage, $"{{{Ok},\"annotations\":{{\"a\":\"x\\u2028--key=y\"}}}}", 400, "validation"),
        Json("sign image: annotation bidi override", SignImage, $"{{{Ok},\"annotations\":{{\"a\":\"\\u202eprod\"}}}}", 400, "validation"),
        Json("verify image: identity lone surrogate", VerifyImage, $"{{{Ok},\"certificateIdentity\":\"a\\udc00\",\"certificateOidcIssuer\":\"https://x\"}}", 400, "validation"),
        Json("verify image: option as image", VerifyImage, "{\"image\":\"--insecure-ignore-tlog\",\"key\":\"release\"}", 400, "validation"),
        Json("verify image: key option injection", VerifyImage, $"{{{Ok},\"key\":\"--key=/etc/passwd\"}}", 400, "unknown-key"),
        Json("verify image: identity with NUL", VerifyImage, $"{{{Ok},\"certificateIdentity\":\"a\\u0000b\",\"certificateOidcIssuer\":\"https://x\"}}", 400, "validation"),
        Json("verify image: ignoreTlog as string", VerifyImage, $"{{{Ok},\"key\":\"release\",\"ignoreTlog\":\"true\"}}", 400, "validation"),
        Json("verify image: trusted root deeply nested", VerifyImage, $"{{{Ok},\"key\":\"release\",\"trustedRoot\":{Nested(500)}}}", 400, "validation"),
    ];

    public static IEnumerable<BadRequest> ImageAttestationCases() =>
    [
        Json("attest image: predicate is a string", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":\"{{}}\"}}", 400, "validation"),
        Json("attest image: predicate is an array", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":[]}}", 400, "validation"),
        Json("attest image: predicate missing", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\"}}", 400, "validation"),
        Json("attest image: predicate too big", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":{Predicate(MaxPredicateBytes)}}}", 400, "validation"),
        Json("attest image: predicate deeply nested", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":{NestedObject(100)}}}", 400, "validation"),
        Json("attest image: predicate type option", AttestImage, $"{{{Ok},\"predicateType\":\"--type=x\",\"predicate\":{{}}}}", 400, "validation"),
        Json("attest image: predicate type with NUL", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\\u0000\",\"predicate\":{{}}}}", 400, "validation"),
        Json("attest image: image option", AttestImage, "{\"image\":\"-v\",\"predicateType\":\"spdxjson\",\"predicate\":{}}", 400, "validation"),
        Json("attest image: duplicate predicate", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":{{}},\"predicate\":{{\"a\":1}}}}", 400, "validation"),
        Json("attest image: key option injection", AttestImage, $"{{{Ok},\"predicateType\":\"spdxjson\",\"predicate\":{{}},\"key\":\"--key=x\"}}", 400, "unknown-key"),
        Json("attest image: predicate type URI lone surrogate", AttestImage, $"{{{Ok},\"predicateType\":\"https://example.com/\\ud800\",\"predicate\":{{}}}}", 400, "validation"),
        Json("verify attestation: predicate type option", VerifyAttestation, $"{{{Ok},\"predicateType\":\"--type=x\",\"key\":\"release\"}}", 400, "validation"),
        AttestBlobCase("predicate not JSON", 400, "validation", File, Part.Field("predicateType", "spdxjson"), Part.Field("predicate", "{not json")),
        AttestBlobCase("predicate too big", 400, "validation", File, Part.Field("predicateType", "spdxjson"), Part.Field("predicate", Predicate(MaxPredicateBytes))),
        AttestBlobCase("predicate over field limit", 413, "payload-too-large", File, Part.Field("predicateType", "spdxjson"), Part.Field("predicate", Predicate(MaxFieldBytes))),
        AttestBlobCase("predicate invalid UTF-8", 400, "validation", File, Part.Field("predicateType", "spdxjson"), Part.Binary("predicate", [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])),
        AttestBlobCase("predicate type option", 400, "validation", File, Part.Field("predicateType", "--type=x"), Part.Field("predicate", "{}")),
        AttestBlobCase("predicate twice", 400, "validation", File, Part.Field("predicateType", "spdxjson"), Part.Field("predicate", "{}"), Part.Field("predicate", "{}")),
    ];

    private static BadRequest AttestBlobCase(string name, int status, string type, params Part[] parts) =>
        new("attest blob: " + name, () => Post("/v1/attest/blob", Form(parts)), status, type);

    private static ByteArrayContent RawBytes(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }
}
