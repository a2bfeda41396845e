using SigningService.Uploads;

namespace SigningService.Verification;

public sealed record VerifyBlobInput(
    UploadedFile File,
    string? BundlePath,
    BundleFacts? Bundle,
    string? SignaturePath,
    VerifierIdentity Identity,
    string? TrustedRootPath,
    bool RequireTlog);
