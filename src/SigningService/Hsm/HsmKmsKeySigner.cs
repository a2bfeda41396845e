using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using SigningService.Cryptoki.Signing;
using SigningService.Keys;
using SigningService.KmsRelay;
using SigningService.Telemetry;

namespace SigningService.Hsm;

/// <summary>The relay's signer: HSM keys from the key registry, signed with a pooled session of their token.</summary>
public sealed class HsmKmsKeySigner(KeyRegistry keys) : IKmsKeySigner
{
    public bool TryGetKey(string keyName, [MaybeNullWhen(false)] out KmsKeyInfo info)
    {
        info = keys.Find(keyName) is HsmSigningKey key ? HsmKeyAlgorithms.Describe(key.PublicKey) : null;
        return info is not null;
    }

    public static readonly ActivitySource Activity = new("SigningService.Hsm");

    public async Task<byte[]> SignDigestAsync(string keyName, HashAlgorithmName hash, ReadOnlyMemory<byte> digest, CancellationToken cancellationToken)
    {
        if (keys.Find(keyName) is not HsmSigningKey key)
        {
            throw new InvalidOperationException($"'{keyName}' is not an HSM key");
        }
        using var activity = Activity.StartActivity("hsm.sign");
        activity?.SetTag("key.name", keyName);
        activity?.SetTag("hsm.token", key.TokenName);
        activity?.SetTag("hsm.hash", hash.Name);
        var outcome = "failed";
        try
        {
            // ECDSA: CKM_ECDSA over the digest, converted to DER. RSA: PKCS#1 v1.5, what cosign verifies for RSA keys.
            var signature = await key.Pool.SignDigestAsync(key.Selector, hash, digest.ToArray(), HsmSignaturePadding.Pkcs1, cancellationToken);
            outcome = "succeeded";
            return signature;
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            throw;
        }
        finally
        {
            ServiceMetrics.HsmOperations.Add(1, new KeyValuePair<string, object?>("token", key.TokenName),
                new KeyValuePair<string, object?>("operation", "sign"), new KeyValuePair<string, object?>("outcome", outcome));
        }
    }
}
