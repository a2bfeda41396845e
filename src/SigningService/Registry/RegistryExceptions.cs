namespace SigningService.Registry;

/// <summary>Base of registry failures; messages name host/repository, never credentials.</summary>
public class RegistryException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>True for failures a retry policy may retry (see <see cref="RegistryUnavailableException"/>).</summary>
    public virtual bool IsTransient => false;
}

/// <summary>401/403 after the configured credentials were offered (or none were configured).</summary>
public sealed class RegistryAuthException(string message, Exception? inner = null) : RegistryException(message, inner);

/// <summary>404, MANIFEST_UNKNOWN or NAME_UNKNOWN: the repository, tag or digest does not exist.</summary>
public sealed class ManifestUnknownException(string message) : RegistryException(message);

/// <summary>Connection refused, timeouts, 5xx, 429: transient.</summary>
public sealed class RegistryUnavailableException(string message, Exception? inner = null, TimeSpan? retryAfter = null)
    : RegistryException(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;

    public override bool IsTransient => true;
}

/// <summary>The TLS handshake failed: untrusted certificate, wrong name, plain HTTP server. Not transient.</summary>
public sealed class RegistryTlsException(string message, Exception? inner = null) : RegistryException(message, inner);

/// <summary>Unreadable secret file or similar configuration fault.</summary>
public sealed class RegistryConfigurationException(string message, Exception? inner = null) : RegistryException(message, inner);
