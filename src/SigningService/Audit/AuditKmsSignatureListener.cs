using SigningService.Jobs;
using SigningService.KmsRelay;

namespace SigningService.Audit;

/// <summary>
/// Records every signature the HSM relay makes, tied to its job and the job's owner. Throwing
/// (e.g. the disk is full) makes the relay withhold the signature: signing fails closed.
/// </summary>
public sealed class AuditKmsSignatureListener(AuditLog audit, IJobStore jobs) : IKmsSignatureListener
{
    public void OnSignature(KmsSignatureRecord record)
    {
        var job = jobs.Find(record.JobId);
        audit.Append(new AuditEntry(AuditEntry.HsmSignatureEvent, job?.Owner ?? "(unknown job)", job?.Operation ?? "unknown", "signed")
        {
            Key = record.KeyName,
            Artifact = job?.Subject?.Artifact,
            Digest = $"{record.Hash.Name!.ToLowerInvariant()}:{record.DigestHex}",
            JobId = record.JobId,
        });
    }
}
