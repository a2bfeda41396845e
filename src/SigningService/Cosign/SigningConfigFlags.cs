namespace SigningService.Cosign;

public static class SigningConfigFlags
{
    /// <summary>tlog=false signs against a signing config with no transparency log; true uses the configured one (or cosign's TUF default).</summary>
    public static IEnumerable<string> For(bool tlog, CosignInfo info, CosignOptions options) =>
        !tlog ? ["--signing-config=" + info.OfflineSigningConfigPath]
        : options.TlogSigningConfig is { } config ? ["--signing-config=" + config]
        : [];
}
