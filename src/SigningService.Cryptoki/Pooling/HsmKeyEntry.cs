namespace SigningService.Cryptoki.Pooling;

internal sealed record HsmKeyEntry(ObjectHandle Handle, CKK KeyType, int Epoch);
