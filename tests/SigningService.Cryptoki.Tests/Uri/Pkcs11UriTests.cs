using SigningService.Cryptoki.Uri;

namespace SigningService.Cryptoki.Tests.Uri;

public sealed class Pkcs11UriTests
{
    [Fact]
    public void Parse_PathAttributes_Decoded()
    {
        var uri = Pkcs11Uri.Parse("pkcs11:token=ci-release;object=release%20key;id=%01%A0%ff;serial=0123abcd;type=private");
        Assert.Equal("ci-release", uri.Token);
        Assert.Equal("release key", uri.Object);
        Assert.Equal(new byte[] { 0x01, 0xA0, 0xFF }, uri.Id);
        Assert.Equal("0123abcd", uri.Serial);
        Assert.Equal("private", uri.Type);
    }

    [Fact]
    public void Parse_Rfc7512Examples_Accepted()
    {
        Assert.Empty(Pkcs11Uri.Parse("pkcs11:").PathAttributes);
        var a = Pkcs11Uri.Parse("pkcs11:token=The%20Software%20PKCS%2311%20Softtoken;manufacturer=Snake%20Oil,%20Inc.;model=1.0;object=my-certificate;type=cert;id=%69%95%3E%5C%F4%BD%EC%91;serial=");
        Assert.Equal("The Software PKCS#11 Softtoken", a.Token);
        Assert.Equal("Snake Oil, Inc.", a.Manufacturer);
        Assert.Equal("", a.Serial);
        var b = Pkcs11Uri.Parse("pkcs11:object=my-sign-key;type=private?module-name=mypkcs11");
        Assert.Equal("mypkcs11", b.ModuleName);
        var c = Pkcs11Uri.Parse("pkcs11:slot-id=2?module-path=/usr/lib/softhsm/libsofthsm2.so");
        Assert.Equal(2UL, c.SlotId);
        Assert.Equal("/usr/lib/softhsm/libsofthsm2.so", c.ModulePath);
        Assert.Equal("A&B", Pkcs11Uri.Parse("pkcs11:token=A&B").Token);
    }

    [Fact]
    public void Parse_SchemeCaseInsensitive_Accepted()
    {
        Assert.Equal("k", Pkcs11Uri.Parse("PKCS11:object=k").Object);
    }

    [Theory]
    [InlineData("pkcs11:token=t?pin-value=123456")]
    [InlineData("pkcs11:token=t?pin-source=file:/etc/pin")]
    [InlineData("pkcs11:token=t;pin-value=123456")]
    public void Parse_Pin_Rejected_WithoutEchoingIt(string text)
    {
        var ex = Assert.Throws<FormatException>(() => Pkcs11Uri.Parse(text));
        Assert.DoesNotContain("123456", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/etc/pin", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pkcs:token=t")]
    [InlineData("token=t")]
    [InlineData("pkcs11:token=t;token=u")]
    [InlineData("pkcs11:unknown=x")]
    [InlineData("pkcs11:type=key")]
    [InlineData("pkcs11:object=a%2")]
    [InlineData("pkcs11:object=a%zz")]
    [InlineData("pkcs11:object=a b")]
    [InlineData("pkcs11:object")]
    [InlineData("pkcs11:=x")]
    [InlineData("pkcs11:slot-id=abc")]
    [InlineData("pkcs11:object=%ff")]
    [InlineData("pkcs11:object=k?bogus=1")]
    public void Parse_Invalid_Throws(string text)
    {
        Assert.False(Pkcs11Uri.TryParse(text, out _, out var error));
        Assert.NotNull(error);
        Assert.Throws<FormatException>(() => Pkcs11Uri.Parse(text));
    }

    [Fact]
    public void Parse_VendorAttribute_Accepted()
    {
        Assert.True(Pkcs11Uri.TryParse("pkcs11:object=k;x-vendor=1?x-other=2", out _, out _));
    }

    [Fact]
    public void ToString_RoundTrips()
    {
        var text = "pkcs11:token=ci%20release;object=key%3B1;id=%00%FF?module-name=softhsm2";
        var uri = Pkcs11Uri.Parse(text);
        var again = Pkcs11Uri.Parse(uri.ToString());
        Assert.Equal("ci release", again.Token);
        Assert.Equal("key;1", again.Object);
        Assert.Equal(new byte[] { 0x00, 0xFF }, again.Id);
        Assert.Equal("softhsm2", again.ModuleName);
    }

    [Fact]
    public void ToKeySelector_UsesObjectAndId()
    {
        var selector = Pkcs11Uri.Parse("pkcs11:token=t;object=k;id=%01").ToKeySelector();
        Assert.Equal("k", selector.Label);
        Assert.Equal(new byte[] { 1 }, selector.Id);
        Assert.Throws<InvalidOperationException>(() => Pkcs11Uri.Parse("pkcs11:token=t").ToKeySelector());
    }
}
