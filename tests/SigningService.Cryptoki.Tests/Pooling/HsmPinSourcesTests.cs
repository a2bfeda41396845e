using SigningService.Cryptoki.Pooling;

namespace SigningService.Cryptoki.Tests.Pooling;

public sealed class HsmPinSourcesTests
{
    [Fact]
    public void FromFile_TrailingNewline_Stripped()
    {
        var dir = Directory.CreateTempSubdirectory("pin-");
        try
        {
            var path = Path.Combine(dir.FullName, "pin");
            File.WriteAllText(path, "1234\r\n");
            Assert.Equal("1234"u8.ToArray(), HsmPinSources.FromFile(path)());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void FromEnvironment_Missing_ThrowsNamingVariable()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => HsmPinSources.FromEnvironment("SIGNINGSERVICE_TEST_NO_SUCH_PIN")());
        Assert.Contains("SIGNINGSERVICE_TEST_NO_SUCH_PIN", ex.Message, StringComparison.Ordinal);
    }
}
