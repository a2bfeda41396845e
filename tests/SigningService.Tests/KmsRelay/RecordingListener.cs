using System.Collections.Concurrent;
using SigningService.KmsRelay;

namespace SigningService.Tests.KmsRelay;

internal sealed class RecordingListener : IKmsSignatureListener
{
    public ConcurrentQueue<KmsSignatureRecord> Records { get; } = new();

    public void OnSignature(KmsSignatureRecord record) => Records.Enqueue(record);
}
