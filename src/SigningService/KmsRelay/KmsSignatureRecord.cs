using System.Security.Cryptography;

namespace SigningService.KmsRelay;

public sealed record KmsSignatureRecord(string JobId, string KeyName, HashAlgorithmName Hash, string DigestHex, DateTimeOffset SignedAt);

// Called for every signature before it is released to cosign; an exception withholds the
// signature, so an audit log that cannot record makes signing fail closed.
public interface IKmsSignatureListener
{
    void OnSignature(KmsSignatureRecord record);
}
