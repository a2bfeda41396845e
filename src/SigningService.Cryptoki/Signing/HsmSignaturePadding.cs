namespace SigningService.Cryptoki.Signing;

// RSA padding; ignored for ECDSA keys.
public enum HsmSignaturePadding
{
    Pkcs1,
    Pss,
}
