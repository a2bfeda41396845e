using System.Security.Cryptography;
using SigningService.Cryptoki.Signing;

namespace SigningService.Cryptoki.Tests.Signing;

public sealed class EcdsaSignatureConverterTests
{
    [Fact]
    public void RawToDer_SmallValues_MinimalIntegers()
    {
        var raw = new byte[64];
        raw[31] = 0x01;
        raw[63] = 0x7F;
        Assert.Equal(Convert.FromHexString("300602010102017F"), EcdsaSignatureConverter.RawToDer(raw));
    }

    [Fact]
    public void RawToDer_HighBitSet_PrefixesZero()
    {
        var raw = Enumerable.Repeat((byte)0xFF, 64).ToArray();
        var der = EcdsaSignatureConverter.RawToDer(raw);
        Assert.Equal(0x30, der[0]);
        Assert.Equal(2 + 33 + 2 + 33, der[1]);
        Assert.Equal(new byte[] { 0x02, 0x21, 0x00, 0xFF }, der[2..6]);
    }

    [Fact]
    public void RawToDer_LeadingZeroBytes_Stripped()
    {
        var raw = new byte[64];
        raw[2] = 0x80; // r = 0x0000 80..., needs stripping of two zeros and one pad byte
        raw[33] = 0x05; // s = 0x00 05 ...
        var der = EcdsaSignatureConverter.RawToDer(raw);
        Assert.Equal(new byte[] { 0x02, 0x1F, 0x00, 0x80 }, der[2..6]);
        Assert.Equal(new byte[] { 0x02, 0x1F, 0x05 }, der[(2 + 2 + 31)..(2 + 2 + 31 + 3)]);
        Assert.Equal(raw, EcdsaSignatureConverter.DerToRaw(der, 32));
    }

    [Fact]
    public void RawToDer_ZeroValue_EncodesSingleZero()
    {
        Assert.Equal(Convert.FromHexString("3006020100020100"), EcdsaSignatureConverter.RawToDer(new byte[64]));
    }

    [Fact]
    public void RawToDer_P521_UsesLongFormLength()
    {
        var raw = Enumerable.Repeat((byte)0xFF, 132).ToArray();
        raw[0] = 0x01;
        raw[66] = 0x01;
        var der = EcdsaSignatureConverter.RawToDer(raw);
        Assert.Equal(new byte[] { 0x30, 0x81, 0x88 }, der[..3]);
        Assert.Equal(raw, EcdsaSignatureConverter.DerToRaw(der, 66));
    }

    [Fact]
    public void RawToDer_OddLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => EcdsaSignatureConverter.RawToDer(new byte[63]));
    }

    [Theory]
    [InlineData("3006020101020101FF")] // trailing byte
    [InlineData("30060201FF020101")] // negative r
    [InlineData("3007020200010201010000")] // wrong sequence length
    [InlineData("300702020001020101")] // non-minimal r
    [InlineData("3006030101020101")] // not an INTEGER
    [InlineData("30")] // truncated
    public void DerToRaw_Malformed_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => EcdsaSignatureConverter.DerToRaw(Convert.FromHexString(hex), 32));
    }

    [Fact]
    public void DerToRaw_IntegerLargerThanField_Throws()
    {
        var der = EcdsaSignatureConverter.RawToDer(Enumerable.Repeat((byte)0x11, 66).ToArray());
        Assert.Throws<FormatException>(() => EcdsaSignatureConverter.DerToRaw(der, 32));
    }

    [Fact]
    public void RoundTrip_MatchesDotNetEncodings()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var data = "payload"u8.ToArray();
        for (var i = 0; i < 200; i++)
        {
            var raw = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
            var der = EcdsaSignatureConverter.RawToDer(raw);
            Assert.True(key.VerifyData(data, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.Equal(raw, EcdsaSignatureConverter.DerToRaw(der, 32));
            var dotnetDer = key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            Assert.Equal(dotnetDer, EcdsaSignatureConverter.RawToDer(EcdsaSignatureConverter.DerToRaw(dotnetDer, 32)));
        }
    }
}
