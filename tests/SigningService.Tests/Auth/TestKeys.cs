using System.Security.Cryptography;

namespace SigningService.Tests.Auth;

/// <summary>Keys shared by all tests (RSA generation is slow on a busy machine); they are never mutated.</summary>
internal static class TestKeys
{
    public static TestKey Rsa { get; } = TestKey.CreateRsa("rsa-2048");

    public static TestKey Rsa1024 { get; } = TestKey.CreateRsa("rsa-1024", 1024);

    public static TestKey P256 { get; } = TestKey.CreateEc("ec-p256", ECCurve.NamedCurves.nistP256);

    public static TestKey P384 { get; } = TestKey.CreateEc("ec-p384", ECCurve.NamedCurves.nistP384);

    /// <summary>A JWKS with all of the above; the RSA key is marked `alg: RS256` only when asked.</summary>
    public static string Jwks(string? rsaAlg = null) => TestKey.Jwks(
        Rsa.ToJwk(rsaAlg, "sig"), Rsa1024.ToJwk(), P256.ToJwk("ES256"), P384.ToJwk());
}
