using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SigningService.KmsRelay.Wire;

namespace SigningService.KmsRelay;

// Decides one relay request. Order matters: the token is checked before anything else is
// looked at, and the signer is only reached with a live token for exactly that key.
internal sealed partial class KmsRelayRequestHandler(
    CapabilityTokenStore tokens,
    IKmsKeySigner signer,
    IEnumerable<IKmsSignatureListener> listeners,
    TimeProvider timeProvider,
    ILogger<KmsRelayRequestHandler> logger,
    Jobs.IJobStore? jobs = null)
{
    internal static readonly ActivitySource ActivitySource = new("SigningService.KmsRelay");

    // One message for every token failure: the caller learns nothing about why.
    private const string TokenRefusal = "capability token not valid for this key";

    private readonly IKmsSignatureListener[] _listeners = [.. listeners];

    public async Task<RelayResponse> HandleAsync(RelayRequest request, CancellationToken cancellationToken)
    {
        var keyName = request.KeyName ?? string.Empty;
        var method = request.Method ?? string.Empty;
        if (request.Version != 1 || !KmsKeyNames.IsValid(keyName))
        {
            logger.Refused(method, KmsKeyNames.ForLog(keyName), "malformed request");
            return RelayResponse.Fail("malformed request");
        }
        if (!tokens.TryValidate(request.Token, keyName, out var jobId))
        {
            logger.Refused(method, keyName, "no live token for this key");
            return RelayResponse.Fail(TokenRefusal);
        }
        if (!signer.TryGetKey(keyName, out var key))
        {
            logger.Refused(method, keyName, "unknown key");
            return RelayResponse.Fail($"unknown key '{keyName}'");
        }
        return method switch
        {
            RelayMethods.DefaultAlgorithm => new RelayResponse { DefaultAlgorithm = key.DefaultAlgorithm },
            RelayMethods.SupportedAlgorithms => new RelayResponse { SupportedAlgorithms = key.SupportedAlgorithms },
            RelayMethods.PublicKey => new RelayResponse { PublicKeyPem = key.PublicKeyPem },
            RelayMethods.SignMessage => await SignAsync(request, jobId, key, cancellationToken),
            RelayMethods.VerifySignature => Verify(request, key),
            _ => Refuse(method, keyName, "unsupported method"),
        };
    }

    private async Task<RelayResponse> SignAsync(RelayRequest request, string jobId, KmsKeyInfo key, CancellationToken cancellationToken)
    {
        if (!TryGetDigest(request, key, out var hash, out var digest, out var problem))
        {
            return Refuse(request.Method, request.KeyName, problem);
        }
        var digestHex = Convert.ToHexStringLower(digest);
        // The plugin's request arrives on the relay's own connection, outside the job's async flow:
        // the job (known from the token) gives the parent, so the HSM work shows in the job's trace.
        using var activity = ActivitySource.StartActivity(
            "kms-relay sign", ActivityKind.Server, jobs?.Find(jobId)?.TraceParent ?? default);
        activity?.SetTag("signingservice.job_id", jobId);
        activity?.SetTag("signingservice.key", request.KeyName);
        byte[] signature;
        try
        {
            signature = await signer.SignDigestAsync(request.KeyName, hash, digest, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
            logger.SignFailed(ex, jobId, request.KeyName);
            return RelayResponse.Fail("signing failed");
        }
        var record = new KmsSignatureRecord(jobId, request.KeyName, hash, digestHex, timeProvider.GetUtcNow());
        try
        {
            foreach (var listener in _listeners)
            {
                listener.OnSignature(record);
            }
        }
        catch (Exception ex)
        {
            // Fail closed: a signature the audit log did not record is never released.
            logger.SignFailed(ex, jobId, request.KeyName);
            return RelayResponse.Fail("signature could not be recorded; withheld");
        }
        logger.Signed(jobId, request.KeyName, hash.Name!, digestHex);
        return new RelayResponse { Signature = signature };
    }

    private RelayResponse Verify(RelayRequest request, KmsKeyInfo key)
    {
        if (request.Signature is null || !TryGetDigest(request, key, out var hash, out var digest, out var problem))
        {
            return Refuse(request.Method, request.KeyName, "signature and digest or message required");
        }
        try
        {
            return new RelayResponse { Verified = KmsSignatureVerifier.Verify(key.PublicKeyPem, hash, digest, request.Signature) };
        }
        catch (CryptographicException)
        {
            return new RelayResponse { Verified = false };
        }
    }

    private static bool TryGetDigest(RelayRequest request, KmsKeyInfo key, out HashAlgorithmName hash, out byte[] digest, out string problem)
    {
        digest = [];
        problem = string.Empty;
        hash = request.HashAlgorithm switch
        {
            null => key.DefaultHash,
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            problem = "unsupported hash algorithm";
            return false;
        }
        if ((request.Digest is null) == (request.Message is null))
        {
            problem = "exactly one of digest and message is required";
            return false;
        }
        digest = request.Digest ?? CryptographicOperations.HashData(hash, request.Message!);
        if (digest.Length != HashLength(hash))
        {
            problem = "digest length does not match the hash algorithm";
            return false;
        }
        return true;
    }

    private static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA384 ? 48 : 64;

    private RelayResponse Refuse(string method, string keyName, string reason)
    {
        logger.Refused(method, keyName, reason);
        return RelayResponse.Fail(reason);
    }
}
