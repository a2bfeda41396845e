namespace SigningService.Cosign;

/// <summary>cosign's own exit codes for verification verdicts (cmd/cosign/errors/exit_codes.go): never retried.</summary>
public static class CosignExitCodes
{
    public const int NoSignaturesFound = 10;
    public const int NonExistentTag = 11;
    public const int NoMatchingSignatures = 12;
    public const int NoCertificateFound = 13;

    public static bool IsVerdict(int exitCode) => exitCode is >= NoSignaturesFound and <= NoCertificateFound;

    public static string? Describe(int exitCode) => exitCode switch
    {
        NoSignaturesFound => "no signatures found",
        NonExistentTag => "the tag does not exist",
        NoMatchingSignatures => "no matching signatures",
        NoCertificateFound => "no certificate found",
        _ => null,
    };
}
