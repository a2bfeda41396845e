using System.Security.Cryptography;
using System.Text;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Signing;
using SigningService.Cryptoki.Tests.Infrastructure;

namespace SigningService.Cryptoki.Tests;

[Collection("softhsm")]
public sealed class BindingTests(SoftHsmFixture hsm)
{
    [Fact]
    public void GetInfo_SoftHsm_ReportsCryptoki2()
    {
        var info = hsm.Library.GetInfo();
        Assert.Equal(2, info.CryptokiVersion.Major);
        Assert.Contains("SoftHSM", info.ManufacturerId + info.Description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void GetTokenInfo_InitializedToken_LabelSerialFlags()
    {
        var info = hsm.Slot().GetTokenInfo();
        Assert.Equal(SoftHsmFixture.Token, info.Label);
        Assert.Equal(16, info.SerialNumber.Length);
        Assert.True(info.IsInitialized);
        Assert.True(info.Flags.HasFlag(TokenFlags.LoginRequired));
        Assert.True(info.Flags.HasFlag(TokenFlags.UserPinInitialized));
        Assert.Null(hsm.Library.FindSlot("no-such-token", null));
        Assert.NotNull(hsm.Library.FindSlot(null, info.SerialNumber));
    }

    [Fact]
    public void Login_WrongPin_ThrowsPinIncorrectByName()
    {
        using var session = hsm.Slot(SoftHsmFixture.WrongPinToken).OpenSession(readWrite: false);
        var ex = Assert.Throws<Pkcs11Exception>(() => session.Login(CKU.CKU_USER, "not-the-pin"u8));
        Assert.Equal(CKR.CKR_PIN_INCORRECT, ex.ReturnValue);
        Assert.Equal("C_Login failed: CKR_PIN_INCORRECT", ex.Message);
    }

    [Fact]
    public void Pkcs11Exception_UnknownCodes_NamedByValue()
    {
        Assert.Equal("CKR_0x1234", Pkcs11Exception.NameOf((CKR)0x1234));
        Assert.Equal("CKR_VENDOR_DEFINED+0x5", Pkcs11Exception.NameOf((CKR)0x80000005));
    }

    // Fact learned: SoftHSM 2.6 scans its token directory at C_Initialize only; a token made later by
    // softhsm2-util stays invisible until the module is finalized and initialized again.
    [Fact]
    public void GetSlotList_TokenInitializedAfterLoad_VisibleOnlyAfterReinitialize()
    {
        var label = $"late-{Environment.ProcessId % 1000}";
        hsm.InitToken(label);
        Assert.DoesNotContain(hsm.Library.GetSlotList(tokenPresent: true), s => s.GetTokenInfo().Label == label);
        hsm.Library.SimulateDeviceResetForTests();
        Assert.Contains(hsm.Library.GetSlotList(tokenPresent: true), s => s.GetTokenInfo().Label == label);
    }

    [Fact]
    public void GetAttributeValues_GeneratedKey_ReadsAndMarksSensitive()
    {
        var (label, id) = TestKeys.NewName("attrs");
        using var session = hsm.OpenUserSession();
        HsmKeyGenerator.Generate(session, label, id, HsmKeyKind.EcP256);
        var priv = Assert.Single(session.FindObjects(new HsmKeySelector(label).Template(CKO.CKO_PRIVATE_KEY)));
        var attrs = session.GetAttributeValues(priv,
            [CKA.CKA_LABEL, CKA.CKA_ID, CKA.CKA_CLASS, CKA.CKA_KEY_TYPE, CKA.CKA_SIGN, CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE, CKA.CKA_VALUE, CKA.CKA_MODULUS]);
        Assert.Equal(label, attrs[0].GetString());
        Assert.Equal(id, attrs[1].Value);
        Assert.Equal((ulong)CKO.CKO_PRIVATE_KEY, attrs[2].GetULong());
        Assert.Equal((ulong)CKK.CKK_EC, attrs[3].GetULong());
        Assert.True(attrs[4].GetBool());
        Assert.True(attrs[5].GetBool());
        Assert.False(attrs[6].GetBool());
        Assert.True(attrs[7].CannotBeRead); // sensitive
        Assert.True(attrs[8].CannotBeRead); // not an EC attribute
        Assert.Equal(priv, Assert.Single(session.FindObjects(new HsmKeySelector(null, id).Template(CKO.CKO_PRIVATE_KEY))));
        Assert.Single(session.FindObjects([ObjectAttribute.Of(CKA.CKA_LABEL, label), ObjectAttribute.Of(CKA.CKA_KEY_TYPE, CKK.CKK_EC), ObjectAttribute.Of(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY)]));
    }

    [Theory]
    [InlineData(HsmKeyKind.EcP256, "ecdsa-p256")]
    [InlineData(HsmKeyKind.EcP384, "ecdsa-p384")]
    [InlineData(HsmKeyKind.Rsa2048, "rsa-2048")]
    [InlineData(HsmKeyKind.Rsa3072, "rsa-3072")]
    public void Generate_EachKind_SignaturesVerifyWithExportedPem(HsmKeyKind kind, string algorithm)
    {
        var (label, id) = TestKeys.NewName("gen");
        using var session = hsm.OpenUserSession();
        var publicKey = HsmKeyGenerator.Generate(session, label, id, kind);
        Assert.Equal(algorithm, publicKey.Algorithm);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", publicKey.Pem, StringComparison.Ordinal);

        var priv = Assert.Single(session.FindObjects(new HsmKeySelector(label, id).Template(CKO.CKO_PRIVATE_KEY)));
        var data = Encoding.UTF8.GetBytes($"artifact for {algorithm}");
        var signer = HsmKeySigner.Create(session, priv, hsm.Slot().GetMechanismList());
        foreach (var hash in new[] { HashAlgorithmName.SHA256, HashAlgorithmName.SHA384 })
        {
            Assert.True(TestKeys.Verify(publicKey, data, signer.SignData(hash, data), hash));
            Assert.True(TestKeys.Verify(publicKey, data, signer.SignDigest(hash, CryptographicOperations.HashData(hash, data)), hash));
        }
        if (publicKey.KeyType == CKK.CKK_RSA)
        {
            var pss = signer.SignData(HashAlgorithmName.SHA256, data, HsmSignaturePadding.Pss);
            Assert.True(TestKeys.Verify(publicKey, data, pss, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
            var pssDigest = signer.SignDigest(HashAlgorithmName.SHA256, SHA256.HashData(data), HsmSignaturePadding.Pss);
            Assert.True(TestKeys.Verify(publicKey, data, pssDigest, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
            // Without the slot's mechanism list the signer takes the CKM_RSA_PKCS + DigestInfo path.
            var raw = new HsmKeySigner(session, priv, CKK.CKK_RSA).SignData(HashAlgorithmName.SHA256, data);
            Assert.True(TestKeys.Verify(publicKey, data, raw, HashAlgorithmName.SHA256));
        }
        var pub = Assert.Single(session.FindObjects(new HsmKeySelector(label).Template(CKO.CKO_PUBLIC_KEY)));
        Assert.Equal(publicKey.Pem, HsmPublicKeyExporter.Export(session, pub).Pem);
    }

    [Fact]
    public void DestroyObject_GeneratedKey_NotFoundAfterwards()
    {
        var (label, id) = TestKeys.NewName("destroy");
        using var session = hsm.OpenUserSession();
        HsmKeyGenerator.Generate(session, label, id, HsmKeyKind.EcP256);
        foreach (var h in session.FindObjects([ObjectAttribute.Of(CKA.CKA_LABEL, label)]))
        {
            session.DestroyObject(h);
        }
        Assert.Empty(session.FindObjects([ObjectAttribute.Of(CKA.CKA_LABEL, label)]));
        var ex = Assert.Throws<Pkcs11Exception>(() => session.GetAttributeValue(new ObjectHandle(999_999), CKA.CKA_LABEL));
        Assert.Equal(CKR.CKR_OBJECT_HANDLE_INVALID, ex.ReturnValue);
    }

    [Fact]
    public void SignDigest_WrongDigestLength_Throws()
    {
        var (label, id) = TestKeys.NewName("len");
        using var session = hsm.OpenUserSession();
        HsmKeyGenerator.Generate(session, label, id, HsmKeyKind.EcP256);
        var priv = Assert.Single(session.FindObjects(new HsmKeySelector(label).Template(CKO.CKO_PRIVATE_KEY)));
        Assert.Throws<ArgumentException>(() => HsmKeySigner.Create(session, priv).SignDigest(HashAlgorithmName.SHA256, new byte[20]));
    }

    [Fact]
    public void MechanismList_SoftHsm_HasEcdsaButNotEcdsaSha256()
    {
        var mechanisms = hsm.Slot().GetMechanismList();
        Assert.Contains(CKM.CKM_ECDSA, mechanisms);
        Assert.Contains(CKM.CKM_RSA_PKCS_PSS, mechanisms);
        Assert.DoesNotContain(CKM.CKM_ECDSA_SHA256, mechanisms);
    }
}
