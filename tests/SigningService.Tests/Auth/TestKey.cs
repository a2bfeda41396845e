using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace SigningService.Tests.Auth;

/// <summary>A key pair generated in the test, able to sign JWS and to describe itself as a public JWK.</summary>
internal sealed class TestKey : IDisposable
{
    private TestKey(string kid, RSA? rsa, ECDsa? ec)
    {
        Kid = kid;
        Rsa = rsa;
        Ec = ec;
    }

    public string Kid { get; }

    public RSA? Rsa { get; }

    public ECDsa? Ec { get; }

    public static TestKey CreateRsa(string kid, int bits = 2048) => new(kid, RSA.Create(bits), null);

    public static TestKey CreateEc(string kid, ECCurve curve) => new(kid, null, ECDsa.Create(curve));

    public JsonObject ToJwk(string? alg = null, string? use = null)
    {
        var jwk = new JsonObject { ["kid"] = Kid };
        if (Rsa is not null)
        {
            var p = Rsa.ExportParameters(false);
            jwk["kty"] = "RSA";
            jwk["n"] = B64(p.Modulus!);
            jwk["e"] = B64(p.Exponent!);
        }
        else
        {
            var p = Ec!.ExportParameters(false);
            jwk["kty"] = "EC";
            jwk["crv"] = p.Q.X!.Length == 32 ? "P-256" : "P-384";
            jwk["x"] = B64(p.Q.X!);
            jwk["y"] = B64(p.Q.Y!);
        }
        if (alg is not null)
        {
            jwk["alg"] = alg;
        }
        if (use is not null)
        {
            jwk["use"] = use;
        }
        return jwk;
    }

    public byte[] Sign(string alg, byte[] input) => alg switch
    {
        "RS256" => Rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        "PS256" => Rsa!.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        "ES256" => Ec!.SignData(input, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        "ES384" => Ec!.SignData(input, HashAlgorithmName.SHA384, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => throw new ArgumentOutOfRangeException(nameof(alg)),
    };

    public static string B64(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    public static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString();

    public void Dispose()
    {
        Rsa?.Dispose();
        Ec?.Dispose();
    }
}
