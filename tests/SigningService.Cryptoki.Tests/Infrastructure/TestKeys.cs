using System.Security.Cryptography;
using SigningService.Cryptoki.Keys;

namespace SigningService.Cryptoki.Tests.Infrastructure;

internal static class TestKeys
{
    private static int _counter;

    public static (string Label, byte[] Id) NewName(string prefix)
    {
        var n = Interlocked.Increment(ref _counter);
        return ($"{prefix}-{n}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 14, 40)], RandomNumberGenerator.GetBytes(8));
    }

    public static bool Verify(HsmPublicKey key, byte[] data, byte[] signature, HashAlgorithmName hash, RSASignaturePadding? padding = null)
    {
        if (key.KeyType == CKK.CKK_EC)
        {
            using var ec = ECDsa.Create();
            ec.ImportFromPem(key.Pem);
            return ec.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.Pem);
        return rsa.VerifyData(data, signature, hash, padding ?? RSASignaturePadding.Pkcs1);
    }
}
