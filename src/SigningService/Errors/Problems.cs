namespace SigningService.Errors;

/// <summary>The one table of every error kind. Names are part of the API: never rename one.</summary>
public static class Problems
{
    public static readonly ProblemKind Validation = new("validation", 400, "The request is not valid.",
        "A field is missing, malformed or not allowed. The errors member names each field.");
    public static readonly ProblemKind UnsupportedMediaType = new("unsupported-media-type", 415, "Unsupported media type.",
        "The endpoint takes a different Content-Type (multipart/form-data or application/json).");
    public static readonly ProblemKind PayloadTooLarge = new("payload-too-large", 413, "The upload is too large.",
        "An uploaded file or field is larger than the configured limit.");
    public static readonly ProblemKind UnknownKey = new("unknown-key", 400, "Unknown key.",
        "The request names a key that is not configured.");
    public static readonly ProblemKind KeyNotFound = new("key-not-found", 404, "Key not found.",
        "No configured key has this name.");
    public static readonly ProblemKind JobNotFound = new("job-not-found", 404, "Job not found.",
        "No job has this id, or it has expired.");
    public static readonly ProblemKind ArtifactNotFound = new("artifact-not-found", 404, "Artifact not found.",
        "The job has no artifact of this name (yet).");
    public static readonly ProblemKind JobFinished = new("job-finished", 409, "The job has already finished.",
        "Only queued or running jobs can be cancelled.");
    public static readonly ProblemKind QueueFull = new("queue-full", 503, "The job queue is full.",
        "Try again after the number of seconds in Retry-After.");
    public static readonly ProblemKind NotFound = new("not-found", 404, "Not found.", "No such resource.");
    public static readonly ProblemKind MethodNotAllowed = new("method-not-allowed", 405, "Method not allowed.",
        "The resource exists but does not take this HTTP method.");
    public static readonly ProblemKind Unauthenticated = new("unauthenticated", 401, "Authentication required.",
        "Send Authorization: Bearer with a valid API key or an OIDC token from a configured issuer.");
    public static readonly ProblemKind Forbidden = new("forbidden", 403, "Not allowed.",
        "No policy rule grants this caller the operation, key or artifact; the detail names which requirement failed.");
    public static readonly ProblemKind RateLimited = new("rate-limited", 429, "Too many requests.",
        "This caller sent more requests than its rate limit allows; try again after Retry-After seconds.");
    public static readonly ProblemKind Internal = new("internal", 500, "Internal error.",
        "The service failed unexpectedly. The trace id identifies the request in the service's logs.");

    // Kinds below describe why a job failed; they appear in the job's error member.
    public static readonly ProblemKind CosignFailed = new("cosign-failed", 502, "cosign failed.",
        "cosign ended with an error that is not a verification verdict.");
    public static readonly ProblemKind CosignTimeout = new("cosign-timeout", 504, "cosign timed out.",
        "cosign did not finish within the configured time and was stopped.");
    public static readonly ProblemKind TrustMaterialUnavailable = new("trust-material-unavailable", 502,
        "Trust material is unavailable.",
        "cosign could not obtain the trusted root needed for this verification; pass trustedRoot or configure one.");
    public static readonly ProblemKind RegistryUnavailable = new("registry-unavailable", 503, "A remote service is unavailable.",
        "The registry (or Rekor/Fulcio) could not be reached or kept failing after the configured retries, or its circuit is open.");
    public static readonly ProblemKind RegistryAuth = new("registry-auth", 502, "The registry refused our credentials.",
        "The registry answered 401/403 for the configured credentials. Not retried: fix the credentials.");
    public static readonly ProblemKind ManifestUnknown = new("manifest-unknown", 404, "The image does not exist.",
        "The registry does not know this repository, tag or digest.");
    public static readonly ProblemKind KeyUnavailable = new("key-unavailable", 500, "The signing key is unavailable.",
        "The key's files or password could not be read.");

    public static readonly ProblemKind RegistryError = new("registry-error", 502, "The registry request failed.",
        "The registry answered unexpectedly, or its TLS certificate is not trusted (configure CaBundleFile).");

    public static IReadOnlyList<ProblemKind> All { get; } =
    [
        Validation, UnsupportedMediaType, PayloadTooLarge, UnknownKey, KeyNotFound, JobNotFound, ArtifactNotFound,
        JobFinished, QueueFull, NotFound, MethodNotAllowed, Unauthenticated, Forbidden, RateLimited, Internal, CosignFailed,
        CosignTimeout, TrustMaterialUnavailable, RegistryUnavailable, RegistryAuth, ManifestUnknown, RegistryError, KeyUnavailable,
    ];

    private static readonly Dictionary<string, ProblemKind> ByName = All.ToDictionary(p => p.Name, StringComparer.Ordinal);

    public static ProblemKind? Find(string name) => ByName.GetValueOrDefault(name);

    /// <summary>The kind for a bare status code that the framework answered by itself (routing, Kestrel).</summary>
    public static ProblemKind? ForStatus(int status) => status switch
    {
        400 => Validation,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => PayloadTooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        500 => Internal,
        _ => null,
    };
}
