namespace SigningService.Attestation;

/// <summary>The predicate types cosign knows by name, or any absolute http(s) URI for a custom predicate.</summary>
public static class PredicateTypes
{
    public const int MaxUriLength = 512;

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "slsaprovenance", "slsaprovenance1", "spdxjson", "cyclonedx", "vuln", "openvex", "custom",
    };

    public const string Error =
        "predicateType is one of slsaprovenance, slsaprovenance1, spdxjson, cyclonedx, vuln, openvex, custom, or an absolute http(s) URI.";

    public static bool IsValid(string? value) =>
        value is not null && (Names.Contains(value) || IsUri(value));

    private static bool IsUri(string value) =>
        value.Length <= MaxUriLength
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.Host.Length > 0;
}
