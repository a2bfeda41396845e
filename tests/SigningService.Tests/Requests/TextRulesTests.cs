using SigningService.Requests;
using SigningService.Signing;

namespace SigningService.Tests.Requests;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("café – ünïcode")]
    [InlineData("rocket \U0001F680 ok")] // a paired surrogate is one character
    [InlineData("a,b=c \"quoted\"")]
    [InlineData("")]
    public void IsSafeLine_PrintableText_True(string value) => Assert.True(TextRules.IsSafeLine(value));

    [Theory]
    [InlineData("x\u2028y")]
    [InlineData("x\u2029y")]
    [InlineData("\u202egz.exe")]
    [InlineData("a\u2066b")]
    [InlineData("a\u200fb")]
    [InlineData("a\u0085b")]
    [InlineData("a\tb")]
    public void IsSafeLine_InvisibleOrUnencodable_False(string value) => Assert.False(TextRules.IsSafeLine(value));

    // Lone surrogates built here: xunit's test-case serialization would turn them into U+FFFD.
    [Fact]
    public void IsSafeLine_UnpairedSurrogate_False()
    {
        Assert.False(TextRules.IsSafeLine("x" + (char)0xD800));
        Assert.False(TextRules.IsSafeLine((char)0xDC00 + "x"));
        Assert.False(TextRules.IsSafeLine("a" + (char)0xDC00 + (char)0xD800));
    }

    [Theory]
    [InlineData("{\"env\\n\":\"x\"}")]
    [InlineData("{\"a\\ud800\":\"x\"}")]
    [InlineData("{\"a\":\"\\udfff\"}")]
    [InlineData("{\"a\":\"\\u202eprod\"}")]
    public void AnnotationsTryParse_UnsafeKeyOrValue_FalseWithoutThrowing(string json)
    {
        Assert.False(Annotations.TryParse(json, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void AnnotationsTryParse_UnicodeValue_Accepted()
    {
        Assert.True(Annotations.TryParse("{\"team\":\"Zürich \\ud83d\\ude80\"}", out var annotations, out var error), error);
        Assert.Equal("Zürich \U0001F680", annotations["team"]);
    }
}
