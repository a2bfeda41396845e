using SigningService.Registry;

namespace SigningService.Tests.Registry;

public class ImageReferenceTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static readonly string Sha512 = "sha512:" + new string('a', 128);

    public static TheoryData<string, string, string, string?, string?> Good => new()
    {
        { "registry.example.com/app:1.0", "registry.example.com", "app", "1.0", null },
        { "registry.example.com/team/app", "registry.example.com", "team/app", null, null },
        { "127.0.0.1:5000/repo/app:v1", "127.0.0.1:5000", "repo/app", "v1", null },
        { "localhost/app:latest", "localhost", "app", "latest", null },
        { "localhost:5000/a/b/c:tag", "localhost:5000", "a/b/c", "tag", null },
        { $"ghcr.io/org/app@{Sha}", "ghcr.io", "org/app", null, Sha },
        { $"ghcr.io/org/app:v2@{Sha}", "ghcr.io", "org/app", "v2", Sha },
        { $"ghcr.io/org/app@{Sha512}", "ghcr.io", "org/app", null, Sha512 },
        { "[::1]:5000/app:v1", "[::1]:5000", "app", "v1", null },
        { "Registry.Example.COM/app", "Registry.Example.COM", "app", null, null },
        { "r.io/my_app/sub.dir/x-y__z:t", "r.io", "my_app/sub.dir/x-y__z", "t", null },
        { "r.io/a---b:_tag.with-dots", "r.io", "a---b", "_tag.with-dots", null },
        { "my-registry.local:443/app:" + "T" + new string('x', 127), "my-registry.local:443", "app", "T" + new string('x', 127), null },
    };

    public static TheoryData<string, string> Bad => new()
    {
        { "", "empty" },
        { "-registry.example.com/app", "must not start with '-'" },
        { "--help", "must not start with '-'" },
        { "registry.example.com/app :v1", "whitespace" },
        { " registry.example.com/app", "whitespace" },
        { "registry.example.com/app\n", "whitespace" },
        { "registry.example.com/app\u0000", "control" },
        { "registry.example.com/app:v1\t", "whitespace" },
        { "ubuntu:22.04", "registry host" },
        { "library/ubuntu", "registry host" },
        { "app", "registry host" },
        { "registry.example.com/App", "lowercase" },
        { "registry.example.com/team/APP:v1", "lowercase" },
        { "registry.example.com/", "lowercase" },
        { "registry.example.com//app", "lowercase" },
        { "registry.example.com/app/", "lowercase" },
        { "registry.example.com/_app", "lowercase" },
        { "registry.example.com/app_", "lowercase" },
        { "registry.example.com/a...b", "lowercase" },
        { "registry.example.com/a___b", "lowercase" },
        { "registry.example.com/app:", "tag" },
        { "registry.example.com/app:-v1", "tag" },
        { "registry.example.com/app:.v1", "tag" },
        { "registry.example.com/app:" + new string('x', 129), "tag" },
        { "registry.example.com/app:v1:v2", "repository" },
        { "registry.example.com/app:tä", "tag" },
        { "registry.example.com/app@sha256:abc", "digest" },
        { "registry.example.com/app@sha256:" + new string('A', 64), "digest" },
        { "registry.example.com/app@md5:0123456789abcdef0123456789abcdef", "digest" },
        { "registry.example.com/app@", "digest" },
        { $"registry.example.com/app@{Sha}@{Sha}", "digest" },
        { "-r.io:5000/app", "must not start with '-'" },
        { "r-.io/app", "invalid registry host" },
        { "r.io:0/app", "invalid registry host" },
        { "r.io:70000/app", "invalid registry host" },
        { "r.io:/app", "invalid registry host" },
        { "[::1/app", "invalid registry host" },
        { "[zz]:5000/app", "invalid registry host" },
        { "r.io/" + string.Join('/', Enumerable.Repeat(new string('a', 50), 5)), "longer than 255" },
    };

    [Theory]
    [MemberData(nameof(Good))]
    public void TryParse_ValidReference_SplitsParts(string text, string registry, string repository, string? tag, string? digest)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal(registry, reference.Registry);
        Assert.Equal(repository, reference.Repository);
        Assert.Equal(tag, reference.Tag);
        Assert.Equal(digest, reference.Digest);
        Assert.Equal(text, reference.ToString());
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void TryParse_InvalidReference_FailsWithReason(string text, string reason)
    {
        Assert.False(ImageReference.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(reason, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TryParse_Null_Fails() => Assert.False(ImageReference.TryParse(null, out _, out _));

    [Fact]
    public void WithDigest_TaggedReference_DropsTagKeepsName()
    {
        var pinned = ImageReference.Parse("r.io:5000/team/app:v1").WithDigest(Sha);
        Assert.Equal($"r.io:5000/team/app@{Sha}", pinned.ToString());
        Assert.Null(pinned.Tag);
        Assert.Equal(Sha, pinned.Identifier);
    }

    [Fact]
    public void WithDigest_BadDigest_Throws() =>
        Assert.Throws<ArgumentException>(() => ImageReference.Parse("r.io/app").WithDigest("sha256:nothex"));

    [Fact]
    public void Identifier_NoTagNoDigest_IsLatest() => Assert.Equal("latest", ImageReference.Parse("r.io/app").Identifier);

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() => Assert.Throws<FormatException>(() => ImageReference.Parse("UPPER/app"));
}
