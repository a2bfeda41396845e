using System.Security.Cryptography;
using SigningService.Cryptoki.Keys;
using SigningService.Cryptoki.Signing;

namespace SigningService.Cryptoki.Pooling;

// Key lookup (handles cached per recovery epoch) and the signing shortcuts the service uses.
public sealed partial class HsmTokenPool
{
    public byte[] SignDigest(HsmKeySelector key, HashAlgorithmName hash, byte[] digest,
        HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1, CancellationToken cancellationToken = default) =>
        Execute(s => CreateSigner(s, key).SignDigest(hash, digest, padding), cancellationToken);

    public Task<byte[]> SignDigestAsync(HsmKeySelector key, HashAlgorithmName hash, byte[] digest,
        HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1, CancellationToken cancellationToken = default) =>
        ExecuteAsync(s => CreateSigner(s, key).SignDigest(hash, digest, padding), cancellationToken);

    public byte[] SignData(HsmKeySelector key, HashAlgorithmName hash, byte[] data,
        HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1, CancellationToken cancellationToken = default) =>
        Execute(s => CreateSigner(s, key).SignData(hash, data, padding), cancellationToken);

    public Task<byte[]> SignDataAsync(HsmKeySelector key, HashAlgorithmName hash, byte[] data,
        HsmSignaturePadding padding = HsmSignaturePadding.Pkcs1, CancellationToken cancellationToken = default) =>
        ExecuteAsync(s => CreateSigner(s, key).SignData(hash, data, padding), cancellationToken);

    public HsmPublicKey GetPublicKey(HsmKeySelector key, CancellationToken cancellationToken = default) =>
        Execute(s => HsmPublicKeyExporter.Export(s, FindKey(s, key, CKO.CKO_PUBLIC_KEY).Handle), cancellationToken);

    // For use inside Execute: a signer for the private key, using the slot's mechanisms.
    public HsmKeySigner CreateSigner(Session session, HsmKeySelector key)
    {
        var entry = FindKey(session, key, CKO.CKO_PRIVATE_KEY);
        return new HsmKeySigner(session, entry.Handle, entry.KeyType, _mechanisms);
    }

    public ObjectHandle FindPrivateKey(Session session, HsmKeySelector key) => FindKey(session, key, CKO.CKO_PRIVATE_KEY).Handle;

    private HsmKeyEntry FindKey(Session session, HsmKeySelector key, CKO objectClass)
    {
        var cacheKey = $"{objectClass}|{key.CacheKey}";
        var epoch = Volatile.Read(ref _epoch);
        if (_keys.TryGetValue(cacheKey, out var cached) && cached.Epoch == epoch)
        {
            return cached;
        }
        var found = session.FindObjects(key.Template(objectClass), max: 2);
        var what = objectClass == CKO.CKO_PRIVATE_KEY ? "private key" : "public key";
        if (found.Count == 0)
        {
            throw new KeyNotFoundException($"no {what} with {key} in {TokenDescription}");
        }
        if (found.Count > 1)
        {
            throw new InvalidOperationException($"more than one {what} with {key} in {TokenDescription}");
        }
        var keyType = (CKK)session.GetAttributeValue(found[0], CKA.CKA_KEY_TYPE).GetULong();
        var entry = new HsmKeyEntry(found[0], keyType, epoch);
        _keys[cacheKey] = entry;
        return entry;
    }
}
