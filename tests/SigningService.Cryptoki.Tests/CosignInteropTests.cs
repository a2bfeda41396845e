using System.Security.Cryptography;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Signing;
using SigningService.Cryptoki.Tests.Infrastructure;

namespace SigningService.Cryptoki.Tests;

[Collection("softhsm")]
public sealed class CosignInteropTests(SoftHsmFixture hsm)
{
    [Theory]
    [InlineData(HsmKeyKind.EcP256)]
    [InlineData(HsmKeyKind.EcP384)]
    public void VerifyBlob_HsmSignatureAndExportedPem_StockCosignAccepts(HsmKeyKind kind)
    {
        var (label, id) = TestKeys.NewName("cosign");
        using var session = hsm.OpenUserSession();
        var publicKey = HsmKeyGenerator.Generate(session, label, id, kind);
        var priv = Assert.Single(session.FindObjects(new HsmKeySelector(label).Template(CKO.CKO_PRIVATE_KEY)));
        var blob = RandomNumberGenerator.GetBytes(4096);
        // cosign hashes blobs with SHA-256 for every ECDSA key of a PEM public key.
        var signature = HsmKeySigner.Create(session, priv).SignData(HashAlgorithmName.SHA256, blob);

        var dir = Directory.CreateTempSubdirectory("cosign-verify-");
        try
        {
            File.WriteAllBytes(Path.Combine(dir.FullName, "blob"), blob);
            File.WriteAllText(Path.Combine(dir.FullName, "key.pub"), publicKey.Pem);
            File.WriteAllText(Path.Combine(dir.FullName, "blob.sig"), Convert.ToBase64String(signature));
            var (exit, output) = Cosign.Run(dir.FullName, "verify-blob", "--key", "key.pub", "--signature", "blob.sig",
                "--insecure-ignore-tlog=true", "blob");
            Assert.True(exit == 0, $"cosign exited {exit}: {output}");
            Assert.Contains("Verified OK", output, StringComparison.Ordinal);

            signature[^1] ^= 0x01; // a damaged signature must be refused
            File.WriteAllText(Path.Combine(dir.FullName, "blob.sig"), Convert.ToBase64String(signature));
            Assert.NotEqual(0, Cosign.Run(dir.FullName, "verify-blob", "--key", "key.pub", "--signature", "blob.sig",
                "--insecure-ignore-tlog=true", "blob").ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
