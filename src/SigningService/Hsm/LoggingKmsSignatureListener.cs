using SigningService.KmsRelay;

namespace SigningService.Hsm;

/// <summary>Default record of every HSM signature (job, key, digest) until the audit log replaces it.</summary>
public sealed partial class LoggingKmsSignatureListener(ILogger<LoggingKmsSignatureListener> logger) : IKmsSignatureListener
{
    public void OnSignature(KmsSignatureRecord record) =>
        LogSigned(logger, record.JobId, record.KeyName, record.Hash.Name ?? "?", record.DigestHex, record.SignedAt);

    [LoggerMessage(EventId = 4210, Level = LogLevel.Information,
        Message = "HSM signature for job {JobId} with key {KeyName}: {HashAlgorithm} digest {DigestHex} at {SignedAt:O}")]
    private static partial void LogSigned(ILogger logger, string jobId, string keyName, string hashAlgorithm, string digestHex, DateTimeOffset signedAt);
}
