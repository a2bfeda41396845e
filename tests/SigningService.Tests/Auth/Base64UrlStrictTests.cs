using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

public sealed class Base64UrlStrictTests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("AA", new byte[] { 0 })]
    [InlineData("AAA", new byte[] { 0, 0 })]
    [InlineData("_-8", new byte[] { 0xFF, 0xEF })]
    public void TryDecode_Canonical_Decodes(string text, byte[] expected)
    {
        Assert.True(Base64UrlStrict.TryDecode(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("A")]      // impossible length
    [InlineData("AB")]     // non-zero unused bits
    [InlineData("AAB")]
    [InlineData("AA==")]   // padding
    [InlineData("A+8")]    // standard alphabet
    [InlineData("A/8")]
    [InlineData("AA AA")]  // whitespace the BCL decoder would skip
    [InlineData("AA\tA")]
    public void TryDecode_NonCanonical_Refused(string text)
    {
        Assert.False(Base64UrlStrict.TryDecode(text, out _));
    }
}
