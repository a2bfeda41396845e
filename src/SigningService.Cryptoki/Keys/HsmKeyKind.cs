namespace SigningService.Cryptoki.Keys;

public enum HsmKeyKind
{
    EcP256,
    EcP384,
    Rsa2048,
    Rsa3072,
}
