using SigningService.Cosign;
using SigningService.Errors;

namespace SigningService.Resilience;

/// <summary>What a failed cosign run means, from its exit code and stderr: one table.</summary>
public static class CosignFailureClassifier
{
    public sealed record Rule(string Pattern, FailureClass Class, ProblemKind Kind);

    /// <summary>
    /// Checked in order against cosign's own error line — never its whole stderr, whose warnings
    /// (e.g. an unreachable TUF mirror: "dial tcp … no such host") say nothing about the failure.
    /// The first pattern found (case-insensitive) wins. Permanent rules
    /// come first: "UNAUTHORIZED ... 503" must not retry. Patterns are go-containerregistry's and
    /// Go's net/http's wording, as cosign prints them.
    /// </summary>
    public static IReadOnlyList<Rule> Rules { get; } =
    [
        new("UNAUTHORIZED", FailureClass.Permanent, Problems.RegistryAuth),
        new("DENIED", FailureClass.Permanent, Problems.RegistryAuth),
        new("authentication required", FailureClass.Permanent, Problems.RegistryAuth),
        new("401 Unauthorized", FailureClass.Permanent, Problems.RegistryAuth),
        new("403 Forbidden", FailureClass.Permanent, Problems.RegistryAuth),
        new("MANIFEST_UNKNOWN", FailureClass.Permanent, Problems.ManifestUnknown),
        new("NAME_UNKNOWN", FailureClass.Permanent, Problems.ManifestUnknown),
        new("status code 404 Not Found", FailureClass.Permanent, Problems.ManifestUnknown),
        new("x509:", FailureClass.Permanent, Problems.RegistryError),
        new("tls:", FailureClass.Permanent, Problems.RegistryError),
        new("certificate signed by unknown authority", FailureClass.Permanent, Problems.RegistryError),
        new("server gave HTTP response to HTTPS client", FailureClass.Permanent, Problems.RegistryError),
        new("connection refused", FailureClass.Transient, Problems.RegistryUnavailable),
        new("connection reset", FailureClass.Transient, Problems.RegistryUnavailable),
        new("broken pipe", FailureClass.Transient, Problems.RegistryUnavailable),
        new("no route to host", FailureClass.Transient, Problems.RegistryUnavailable),
        new("no such host", FailureClass.Transient, Problems.RegistryUnavailable),
        new("network is unreachable", FailureClass.Transient, Problems.RegistryUnavailable),
        new("TOO_MANY_REQUESTS", FailureClass.Transient, Problems.RegistryUnavailable),
        new("i/o timeout", FailureClass.Transient, Problems.RegistryUnavailable),
        new("TLS handshake timeout", FailureClass.Transient, Problems.RegistryUnavailable),
        new("context deadline exceeded", FailureClass.Transient, Problems.RegistryUnavailable),
        new("Client.Timeout exceeded", FailureClass.Transient, Problems.RegistryUnavailable),
        new("TOOMANYREQUESTS", FailureClass.Transient, Problems.RegistryUnavailable),
        new("429 Too Many Requests", FailureClass.Transient, Problems.RegistryUnavailable),
        new("500 Internal Server Error", FailureClass.Transient, Problems.RegistryUnavailable),
        new("502 Bad Gateway", FailureClass.Transient, Problems.RegistryUnavailable),
        new("503 Service Unavailable", FailureClass.Transient, Problems.RegistryUnavailable),
        new("504 Gateway Timeout", FailureClass.Transient, Problems.RegistryUnavailable),
        new("unexpected EOF", FailureClass.Transient, Problems.RegistryUnavailable),
        new(": EOF", FailureClass.Transient, Problems.RegistryUnavailable),
    ];

    /// <summary>
    /// With --allow-insecure-registry, go-containerregistry pings https first, then http, and reports both
    /// errors joined by "; ". The https half only says the registry speaks plain HTTP (as configured), so
    /// the http half decides: "… HTTP response to HTTPS client; GET http://…/v2/: … 429 Too Many Requests" is a 429.
    /// </summary>
    private const string PlainHttpFallback = "server gave HTTP response to HTTPS client; ";

    public static string DecidingPart(string message)
    {
        var fallback = message.LastIndexOf(PlainHttpFallback, StringComparison.OrdinalIgnoreCase);
        return fallback < 0 ? message : message[(fallback + PlainHttpFallback.Length)..];
    }

    public sealed record Classification(FailureClass Class, ProblemKind Kind);

    /// <summary>Null for a run that succeeded.</summary>
    public static Classification? Classify(CosignResult run)
    {
        if (run.Succeeded)
        {
            return null;
        }
        if (run.TimedOut)
        {
            // A run that hung talking to a remote is worth retrying; the per-run timeout bounds it.
            return new Classification(FailureClass.Transient, Problems.CosignTimeout);
        }
        if (CosignExitCodes.IsVerdict(run.ExitCode))
        {
            return new Classification(FailureClass.Verdict,
                run.ExitCode == CosignExitCodes.NonExistentTag ? Problems.ManifestUnknown : Problems.CosignFailed);
        }
        var message = DecidingPart(run.ErrorMessage);
        foreach (var rule in Rules)
        {
            if (message.Contains(rule.Pattern, StringComparison.OrdinalIgnoreCase))
            {
                return new Classification(rule.Class, rule.Kind);
            }
        }
        return new Classification(FailureClass.Permanent, Problems.CosignFailed);
    }
}
