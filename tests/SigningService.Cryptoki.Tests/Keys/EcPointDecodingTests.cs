using SigningService.Cryptoki.Keys;

namespace SigningService.Cryptoki.Tests.Keys;

public sealed class EcPointDecodingTests
{
    [Fact]
    public void DecodeEcPoint_OctetString_Unwrapped()
    {
        var point = new byte[65];
        point[0] = 0x04;
        Assert.Equal(point, HsmPublicKeyExporter.DecodeEcPoint([0x04, 0x41, .. point], 32));
    }

    [Fact]
    public void DecodeEcPoint_BarePoint_Accepted()
    {
        var point = new byte[97];
        point[0] = 0x04;
        Assert.Equal(point, HsmPublicKeyExporter.DecodeEcPoint(point, 48));
    }

    [Fact]
    public void DecodeEcPoint_LongFormLength_Unwrapped()
    {
        var point = new byte[133];
        point[0] = 0x04;
        Assert.Equal(point, HsmPublicKeyExporter.DecodeEcPoint([0x04, 0x81, 0x85, .. point], 66));
    }

    [Theory]
    [InlineData("0441")]
    [InlineData("0302AABB")]
    [InlineData("04020300")]
    public void DecodeEcPoint_Malformed_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => HsmPublicKeyExporter.DecodeEcPoint(Convert.FromHexString(hex), 32));
    }
}
