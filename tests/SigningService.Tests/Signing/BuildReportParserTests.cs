using SigningService.Signing.BuildReports;

namespace SigningService.Tests.Signing;

public sealed class BuildReportParserTests
{
    private const string Digest = "sha256:a15790640a6690aa1730c38cf0a440e2aa44aaca9b0e8931a9f2b0d7cc90fd65";

    [Fact]
    public void TryParse_ExporterReport_ReadsImageTable()
    {
        var text = $"""
            [image]
            tags = ["localhost:5000/alpine:latest", 'localhost:5000/alpine:1.0'] # two tags
            digest = "{Digest}"
            image-id = "sha256:1234"
            manifest-size = 528
            run-image.image = "run/name:foo"

            [run-image]
            reference = "index.docker.io/run/name@sha256:94f8"
            mirrors = [
              "a", "b",
            ]
            """;

        Assert.True(BuildReportParser.TryParse(text, out var report, out var error), error);

        Assert.Equal(["localhost:5000/alpine:latest", "localhost:5000/alpine:1.0"], report!.Tags);
        Assert.Equal(Digest, report.Digest);
        Assert.Equal("sha256:1234", report.ImageId);
        Assert.Equal(528, report.ManifestSize);
    }

    [Theory]
    [InlineData("[build]\n")]
    [InlineData("[image]\ndigest = \"x\"\n")]
    [InlineData("[image]\ntags = [\"a\"]\n")]
    [InlineData("[image]\ntags = [\"a\"\ndigest = \"x\"\n")]
    [InlineData("[image]\ntags = \"a\"\ndigest = \"x\"\n")]
    [InlineData("[image]\ntags = [\"a\"]\ntags = [\"b\"]\ndigest = \"x\"\n")]
    [InlineData("[image]\ntags = [\"a\"]\ndigest = \"x\"\n[image]\n")]
    [InlineData("[image]\ntags = [\"a\"]\ndigest = \"\"\"x\"\"\"\n")]
    [InlineData("[image]\ntags = [\"a\"]\ndigest = \"x\"\nmanifest-size = -1\n")]
    [InlineData("[image]\ntags = [\"a\" \"b\"]\ndigest = \"x\"\n")]
    public void TryParse_Malformed_Refused(string text)
    {
        Assert.False(BuildReportParser.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
