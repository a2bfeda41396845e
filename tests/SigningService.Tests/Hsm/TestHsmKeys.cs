using SigningService.Cryptoki.Keys;

namespace SigningService.Tests.Hsm;

public sealed record TestHsmKey(string Name, string Label, byte[] Id, HsmKeyKind Kind, string Algorithm)
{
    public string Uri => $"pkcs11:token={SoftHsmTokens.MainToken};object={Label};id=%{Convert.ToHexString(Id)}";
}

/// <summary>The keys made in the main test token, one per algorithm the service supports for cosign.</summary>
public static class TestHsmKeys
{
    public static readonly TestHsmKey P256 = new("hsm-p256", "p256", [0x01], HsmKeyKind.EcP256, "ecdsa-p256");
    public static readonly TestHsmKey P384 = new("hsm-p384", "p384", [0x02], HsmKeyKind.EcP384, "ecdsa-p384");
    public static readonly TestHsmKey Rsa2048 = new("hsm-rsa2048", "rsa2048", [0x03], HsmKeyKind.Rsa2048, "rsa-2048");

    public static IReadOnlyList<TestHsmKey> All { get; } = [P256, P384, Rsa2048];

    public static TestHsmKey ByName(string name) => All.Single(k => k.Name == name);
}
