using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SigningService.KmsRelay;

namespace SigningService.Tests.KmsRelay;

// Tests only: ECDSA P-256 keys in memory, counting how often the relay asked for a signature.
internal sealed class SoftwareKmsKeySigner : IKmsKeySigner, IDisposable
{
    private readonly Dictionary<string, ECDsa> _keys = new(StringComparer.Ordinal);
    private int _signCalls;

    public SoftwareKmsKeySigner(params string[] keyNames)
    {
        foreach (var name in keyNames)
        {
            _keys[name] = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        }
    }

    public int SignCalls => Volatile.Read(ref _signCalls);

    public string PublicKeyPem(string keyName) => _keys[keyName].ExportSubjectPublicKeyInfoPem();

    public ECDsa Key(string keyName) => _keys[keyName];

    public bool TryGetKey(string keyName, [MaybeNullWhen(false)] out KmsKeyInfo info)
    {
        info = _keys.TryGetValue(keyName, out var key)
            ? new KmsKeyInfo(key.ExportSubjectPublicKeyInfoPem(), "ecdsa-sha2-256-nistp256", ["ecdsa-sha2-256-nistp256"], HashAlgorithmName.SHA256)
            : null;
        return info is not null;
    }

    public Task<byte[]> SignDigestAsync(string keyName, HashAlgorithmName hash, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _signCalls);
        return Task.FromResult(_keys[keyName].SignHash(digest.Span, DSASignatureFormat.Rfc3279DerSequence));
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}
