using SigningService.Cryptoki.Pooling;

namespace SigningService.Cryptoki.Keys;

// Admin helper: makes a signing key pair as token objects. The private key can sign and never leaves the token.
public static class HsmKeyGenerator
{
    public static HsmPublicKey Generate(HsmTokenPool pool, string label, byte[] id, HsmKeyKind kind) =>
        pool.ExecuteReadWrite(session => Generate(session, label, id, kind));

    // session must be a logged-in read/write session.
    public static HsmPublicKey Generate(Session session, string label, byte[] id, HsmKeyKind kind)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        List<ObjectAttribute> pub =
        [
            ObjectAttribute.Of(CKA.CKA_TOKEN, true),
            ObjectAttribute.Of(CKA.CKA_PRIVATE, false),
            ObjectAttribute.Of(CKA.CKA_VERIFY, true),
            ObjectAttribute.Of(CKA.CKA_LABEL, label),
            ObjectAttribute.Of(CKA.CKA_ID, id),
        ];
        List<ObjectAttribute> priv =
        [
            ObjectAttribute.Of(CKA.CKA_TOKEN, true),
            ObjectAttribute.Of(CKA.CKA_PRIVATE, true),
            ObjectAttribute.Of(CKA.CKA_SIGN, true),
            ObjectAttribute.Of(CKA.CKA_SENSITIVE, true),
            ObjectAttribute.Of(CKA.CKA_EXTRACTABLE, false),
            ObjectAttribute.Of(CKA.CKA_LABEL, label),
            ObjectAttribute.Of(CKA.CKA_ID, id),
        ];
        Mechanism mechanism;
        switch (kind)
        {
            case HsmKeyKind.EcP256 or HsmKeyKind.EcP384:
                mechanism = new Mechanism(CKM.CKM_EC_KEY_PAIR_GEN);
                pub.Add(ObjectAttribute.Of(CKA.CKA_EC_PARAMS, kind == HsmKeyKind.EcP256 ? EcCurves.P256Params : EcCurves.P384Params));
                break;
            case HsmKeyKind.Rsa2048 or HsmKeyKind.Rsa3072:
                mechanism = new Mechanism(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN);
                pub.Add(ObjectAttribute.Of(CKA.CKA_MODULUS_BITS, kind == HsmKeyKind.Rsa2048 ? 2048UL : 3072UL));
                pub.Add(ObjectAttribute.Of(CKA.CKA_PUBLIC_EXPONENT, new byte[] { 0x01, 0x00, 0x01 }));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown key kind");
        }
        var (publicKey, _) = session.GenerateKeyPair(mechanism, pub, priv);
        return HsmPublicKeyExporter.Export(session, publicKey);
    }
}
