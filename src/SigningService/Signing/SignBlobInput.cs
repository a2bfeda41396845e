using SigningService.Uploads;

namespace SigningService.Signing;

public sealed record SignBlobInput(UploadedFile File, string KeyName, bool Tlog, IReadOnlyDictionary<string, string> Annotations);
