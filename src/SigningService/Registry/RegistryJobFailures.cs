using SigningService.Cosign;
using SigningService.Errors;
using SigningService.Jobs;

namespace SigningService.Registry;

/// <summary>Maps registry failures (ours and cosign's) to the job failure kinds callers see.</summary>
public static class RegistryJobFailures
{
    private static readonly string[] AuthPatterns = ["UNAUTHORIZED", "DENIED", "authentication required", "401 Unauthorized", "403 Forbidden"];
    private static readonly string[] UnknownPatterns = ["MANIFEST_UNKNOWN", "NAME_UNKNOWN", "status code 404 Not Found"];
    private static readonly string[] UnavailablePatterns =
        ["connection refused", "no such host", "i/o timeout", "connection reset", "TOO_MANY_REQUESTS", "503 Service Unavailable", "502 Bad Gateway", "network is unreachable"];
    private static readonly string[] TlsPatterns = ["x509:", "tls:", "certificate signed by unknown authority", "server gave HTTP response to HTTPS client"];

    public static JobFailedException From(RegistryException error) => error switch
    {
        RegistryAuthException => new JobFailedException(Problems.RegistryAuth, error.Message),
        ManifestUnknownException => new JobFailedException(Problems.ManifestUnknown, error.Message),
        RegistryUnavailableException => new JobFailedException(Problems.RegistryUnavailable, error.Message),
        _ => new JobFailedException(Problems.RegistryError, error.Message),
    };

    /// <summary>The registry failure in a failed cosign run's output, if that is what it was.</summary>
    public static JobFailedException? Classify(CosignResult run, params string[] privatePaths)
    {
        if (run.Succeeded || run.TimedOut)
        {
            return null;
        }
        // Only cosign's own error line: its stderr also carries warnings (e.g. an unreachable TUF mirror) that say nothing about the registry.
        var output = run.ErrorMessage;
        var kind = Has(output, AuthPatterns) ? Problems.RegistryAuth
            : Has(output, UnknownPatterns) ? Problems.ManifestUnknown
            : Has(output, TlsPatterns) ? Problems.RegistryError
            : Has(output, UnavailablePatterns) ? Problems.RegistryUnavailable
            : null;
        return kind is null ? null : new JobFailedException(kind, CosignMessages.Scrub(run.ErrorMessage, privatePaths));
    }

    /// <summary>For write runs: registry failures get their kind, anything else is a cosign failure.</summary>
    public static void ThrowIfFailed(CosignResult run, params string[] privatePaths)
    {
        if (Classify(run, privatePaths) is { } failure)
        {
            throw failure;
        }
        CosignFailures.ThrowIfFailed(run, privatePaths);
    }

    /// <summary>True when a retry could help (the retry policy must never retry auth, unknown or TLS failures).</summary>
    public static bool IsTransient(CosignResult run) => Classify(run)?.Kind == Problems.RegistryUnavailable;

    private static bool Has(string text, string[] patterns) =>
        patterns.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
}
