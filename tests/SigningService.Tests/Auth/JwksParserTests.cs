using System.Text;
using System.Text.Json.Nodes;
using SigningService.Auth.Jwt;

namespace SigningService.Tests.Auth;

public sealed class JwksParserTests
{
    private static IReadOnlyList<JsonWebKey> Parse(string json, out int skipped) => JwksParser.Parse(Encoding.UTF8.GetBytes(json), out skipped);

    [Fact]
    public void Parse_RsaAndEcKeys_TypesAndSizes()
    {
        var keys = Parse(TestKeys.Jwks(), out var skipped);

        Assert.Equal(0, skipped);
        Assert.Collection(keys,
            k => Assert.Equal((JsonWebKeyType.Rsa, 2048), (k.KeyType, k.KeySizeBits)),
            k => Assert.Equal((JsonWebKeyType.Rsa, 1024), (k.KeyType, k.KeySizeBits)),
            k => Assert.Equal((JsonWebKeyType.EcP256, "ES256"), (k.KeyType, k.Algorithm)),
            k => Assert.Equal(JsonWebKeyType.EcP384, k.KeyType));
    }

    [Fact]
    public void Parse_UnusableKeys_SkippedNotFatal()
    {
        var offCurve = TestKeys.P256.ToJwk();
        offCurve["kid"] = "off-curve";
        offCurve["y"] = offCurve["x"]!.GetValue<string>();
        var shortCoordinate = TestKeys.P256.ToJwk();
        shortCoordinate["kid"] = "short";
        shortCoordinate["x"] = TestKey.B64(new byte[31]);
        var withPrivate = TestKeys.P256.ToJwk();
        withPrivate["kid"] = "private";
        withPrivate["d"] = TestKey.B64(new byte[32]);
        var encryption = TestKeys.Rsa.ToJwk(use: "enc");
        var noKid = TestKeys.Rsa.ToJwk();
        noKid.Remove("kid");
        var evenExponent = TestKeys.Rsa.ToJwk();
        evenExponent["e"] = TestKey.B64([1, 0, 0]);
        var wrongType = TestKeys.Rsa.ToJwk();
        wrongType["n"] = 12345;
        var keys = new[]
        {
            new JsonObject { ["kty"] = "oct", ["kid"] = "hmac", ["k"] = TestKey.B64(new byte[32]) },
            new JsonObject { ["kty"] = "OKP", ["kid"] = "ed", ["crv"] = "Ed25519", ["x"] = TestKey.B64(new byte[32]) },
            new JsonObject { ["kty"] = "EC", ["kid"] = "p521", ["crv"] = "P-521", ["x"] = "AA", ["y"] = "AA" },
            offCurve, shortCoordinate, withPrivate, encryption, noKid, evenExponent, wrongType,
            TestKeys.P256.ToJwk(),
        };

        var parsed = Parse(TestKey.Jwks(keys), out var skipped);

        Assert.Equal(keys.Length - 1, skipped);
        Assert.Equal(TestKeys.P256.Kid, Assert.Single(parsed).KeyId);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"keys\":{}}")]
    [InlineData("{\"keys\":[],\"keys\":[]}")]
    [InlineData("not json")]
    public void Parse_NotAJwks_Throws(string json)
    {
        Assert.Throws<JwksFormatException>(() => Parse(json, out _));
    }

    [Fact]
    public void Parse_TooManyKeys_Throws()
    {
        var keys = Enumerable.Range(0, JwksParser.MaxKeys + 1).Select(_ => new JsonObject { ["kty"] = "oct" }).ToArray();

        Assert.Throws<JwksFormatException>(() => Parse(TestKey.Jwks(keys), out _));
    }
}
