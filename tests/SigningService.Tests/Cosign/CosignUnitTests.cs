using SigningService.Cosign;
using SigningService.Signing;
using SigningService.Verification;

namespace SigningService.Tests.Cosign;

public sealed class CosignUnitTests
{
    [Theory]
    [InlineData("GitVersion:    v3.1.1\nGitCommit: abc", "3.1.1")]
    [InlineData("GitVersion:    2.5.0", "2.5.0")]
    [InlineData("GitVersion:    devel", null)]
    [InlineData("nothing", null)]
    public void CosignVersion_Parse(string output, string? expected) =>
        Assert.Equal(expected is null ? null : Version.Parse(expected), CosignVersion.Parse(output));

    [Fact]
    public void CosignResult_ErrorMessage_TakesCosignsErrorLine()
    {
        var result = new CosignResult(1, "", "WARNING: x\nError: bad thing\nerror during command execution: bad thing\n", false, TimeSpan.Zero);

        Assert.Equal("bad thing", result.ErrorMessage);
    }

    [Fact]
    public void CosignMessages_Scrub_RemovesPrivatePaths() =>
        Assert.Equal("open <job>/work/x: denied", CosignMessages.Scrub("open /tmp/ss/j1/work/x: denied", "/tmp/ss/j1"));

    [Theory]
    [InlineData("""{"env":"prod","team":"blue"}""", true)]
    [InlineData("", true)]
    [InlineData("[1]", false)]
    [InlineData("""{"a":1}""", false)]
    [InlineData("""{"a":{"b":"c"}}""", false)]
    [InlineData("""{"-bad":"x"}""", false)]
    [InlineData("""{"a b":"x"}""", false)]
    [InlineData("""{"a":"x","a":"y"}""", false)]
    public void Annotations_TryParse(string json, bool ok) =>
        Assert.Equal(ok, Annotations.TryParse(json, out _, out _));

    [Fact]
    public void BundleInspector_DetectsTlogAndTimestamps()
    {
        const string bundle = """
            {"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json",
             "verificationMaterial":{"certificate":{"rawBytes":"AA=="},"tlogEntries":[{"logIndex":"1"}],
               "timestampVerificationData":{"rfc3161Timestamps":[{"signedTimestamp":"AA=="}]}},
             "messageSignature":{}}
            """;

        Assert.True(BundleInspector.TryInspect(bundle, out var facts, out _));

        Assert.Equal(new BundleFacts(true, true, true), facts);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{\"mediaType\":\"application/json\"}")]
    [InlineData("[]")]
    public void BundleInspector_RejectsNonBundles(string text) =>
        Assert.False(BundleInspector.TryInspect(text, out _, out _));
}
