using Microsoft.Extensions.Logging;

namespace SigningService.KmsRelay;

// Never log tokens, messages or signatures; digests and key names are fine (they are public).
internal static partial class KmsRelayLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "KMS relay listening on {SocketPath}")]
    public static partial void Listening(this ILogger logger, string socketPath);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "KMS relay refused {Method} for key {KeyName}: {Reason}")]
    public static partial void Refused(this ILogger logger, string method, string keyName, string reason);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "KMS relay signed for job {JobId} with key {KeyName}: {HashAlgorithm} digest {DigestHex}")]
    public static partial void Signed(this ILogger logger, string jobId, string keyName, string hashAlgorithm, string digestHex);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "KMS relay signing failed for job {JobId} with key {KeyName}")]
    public static partial void SignFailed(this ILogger logger, Exception exception, string jobId, string keyName);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "KMS relay connection failed: {ErrorKind}")]
    public static partial void ConnectionFailed(this ILogger logger, string errorKind);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Information, Message = "KMS relay stopped; removed {SocketDirectory}")]
    public static partial void Stopped(this ILogger logger, string socketDirectory);
}
