using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Text.RegularExpressions;

namespace SigningService.Registry;

/// <summary>
/// A fully qualified OCI image reference: <c>host[:port]/path[:tag][@digest]</c>, parsed with the
/// distribution reference grammar and stricter rules (registry host required, lowercase path,
/// sha256/sha512 digests only) so nothing odd ever reaches cosign's argv.
/// </summary>
public sealed partial record ImageReference
{
    public const int MaxNameLength = 255;

    private ImageReference(string registry, string repository, string? tag, string? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>host[:port], exactly as written (hosts compare case-insensitively).</summary>
    public string Registry { get; }

    public string Repository { get; }

    public string? Tag { get; }

    public string? Digest { get; }

    /// <summary>What the registry API addresses: the digest when present, else the tag, else "latest".</summary>
    public string Identifier => Digest ?? Tag ?? "latest";

    public bool HasDigest => Digest is not null;

    /// <summary>registry/repository without tag or digest.</summary>
    public string Name => $"{Registry}/{Repository}";

    /// <summary>The same image pinned to <paramref name="digest"/>; the tag is dropped so cosign signs exactly that digest.</summary>
    public ImageReference WithDigest(string digest)
    {
        if (!IsValidDigest(digest, out var error))
        {
            throw new ArgumentException(error, nameof(digest));
        }
        return new ImageReference(Registry, Repository, null, digest);
    }

    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);

    public static ImageReference Parse(string value) =>
        TryParse(value, out var reference, out var error) ? reference : throw new FormatException(error);

    public static bool TryParse(string? value, [NotNullWhen(true)] out ImageReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        error = Validate(value, out var registry, out var repository, out var tag, out var digest);
        if (error is not null)
        {
            return false;
        }
        reference = new ImageReference(registry!, repository!, tag, digest);
        return true;
    }

    public static bool IsValidDigest(string? digest, [NotNullWhen(false)] out string? error)
    {
        error = digest is not null && DigestPattern().IsMatch(digest)
            ? null
            : "digest must be sha256:<64 lowercase hex> or sha512:<128 lowercase hex>";
        return error is null;
    }

    private static string? Validate(string? value, out string? registry, out string? repository, out string? tag, out string? digest)
    {
        registry = repository = tag = digest = null;
        if (string.IsNullOrEmpty(value))
        {
            return "image reference is empty";
        }
        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return "image reference contains whitespace or control characters";
        }
        if (value[0] == '-')
        {
            return "image reference must not start with '-'";
        }

        var rest = value;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!IsValidDigest(digest, out var digestError))
            {
                return digestError;
            }
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return "image reference must include the registry host (e.g. registry.example.com/app:tag)";
        }
        registry = rest[..slash];
        var path = rest[(slash + 1)..];
        if (!IsRegistryHost(registry))
        {
            return registry.Length == 0 || registry.Contains('.', StringComparison.Ordinal) || registry.Contains(':', StringComparison.Ordinal) || registry == "localhost"
                ? $"invalid registry host '{registry}'"
                : "image reference must include the registry host (first component needs a '.', a ':' or be 'localhost')";
        }

        // A ':' after the last '/' separates the tag; earlier ones belong to the host port, already split off.
        var colon = path.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = path[(colon + 1)..];
            path = path[..colon];
            if (!TagPattern().IsMatch(tag))
            {
                return "tag must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
            }
        }

        if (path.Length == 0 || path.Split('/').Any(c => !PathComponentPattern().IsMatch(c)))
        {
            return "repository must be lowercase path components of [a-z0-9] joined by '.', '_', '__' or '-' runs";
        }
        if (registry.Length + 1 + path.Length > MaxNameLength)
        {
            return $"image name longer than {MaxNameLength} characters";
        }
        repository = path;
        return null;
    }

    private static bool IsRegistryHost(string host)
    {
        if (host == "localhost")
        {
            return true;
        }
        if (!host.Contains('.', StringComparison.Ordinal) && !host.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }
        string hostPart = host;
        string? port = null;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IPAddress.TryParse(host[1..close], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }
            var after = host[(close + 1)..];
            if (after.Length > 0 && after[0] != ':')
            {
                return false;
            }
            return after.Length == 0 || IsPort(after[1..]);
        }
        var colon = host.LastIndexOf(':');
        if (colon >= 0)
        {
            port = host[(colon + 1)..];
            hostPart = host[..colon];
        }
        return DomainPattern().IsMatch(hostPart) && (port is null || IsPort(port));
    }

    private static bool IsPort(string port) =>
        port.Length is > 0 and <= 5 && port.All(char.IsAsciiDigit) && int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 65535;

    // Explicit ASCII classes: .NET's \w and $ would admit Unicode letters and a trailing newline.
    [GeneratedRegex(@"^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*\z", RegexOptions.CultureInvariant)]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})\z", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}
