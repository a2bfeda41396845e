using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SigningService.Tests.Auth;

/// <summary>Builds compact JWS tokens by hand so tests can also build every kind of broken one.</summary>
internal sealed class TestTokenBuilder
{
    public const string Issuer = "https://token.actions.test.example";
    public const string Audience = "https://signing.test.example";

    public TestTokenBuilder(DateTimeOffset now)
    {
        var unix = now.ToUnixTimeSeconds();
        Claims = new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["sub"] = "repo:org/repo:ref:refs/heads/main",
            ["iat"] = unix - 10,
            ["nbf"] = unix - 10,
            ["exp"] = unix + 300,
        };
    }

    public JsonObject Header { get; } = new();

    public JsonObject Claims { get; }

    /// <summary>When set, used verbatim instead of <see cref="Claims"/> (e.g. for duplicate members).</summary>
    public string? RawPayload { get; set; }

    public string? RawHeader { get; set; }

    public TestTokenBuilder With(string claim, JsonNode? value)
    {
        Claims[claim] = value;
        return this;
    }

    public TestTokenBuilder Without(string claim)
    {
        Claims.Remove(claim);
        return this;
    }

    public string Sign(TestKey key, string alg = "RS256", string? kid = null)
    {
        var signingInput = SigningInput(alg, kid ?? key.Kid);
        return signingInput + "." + TestKey.B64(key.Sign(alg, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>An HMAC-signed token, for the RS/HS confusion attack.</summary>
    public string SignHmac(byte[] secret, string kid, string alg = "HS256")
    {
        var signingInput = SigningInput(alg, kid);
        return signingInput + "." + TestKey.B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput)));
    }

    public string Unsigned(string alg, string kid) => SigningInput(alg, kid) + ".";

    private string SigningInput(string alg, string kid)
    {
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };
        foreach (var (name, value) in Header)
        {
            header[name] = value?.DeepClone();
        }
        var headerJson = RawHeader ?? header.ToJsonString();
        var payloadJson = RawPayload ?? Claims.ToJsonString();
        return TestKey.B64(Encoding.UTF8.GetBytes(headerJson)) + "." + TestKey.B64(Encoding.UTF8.GetBytes(payloadJson));
    }
}
