namespace SigningService.Auth.ApiKeys;

/// <summary>Bound from <c>Auth:ApiKeys</c>; only SHA-256 hashes are configured, never the keys.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Auth:ApiKeys";

    public List<ApiKeyEntry> Keys { get; set; } = [];
}

public sealed class ApiKeyEntry
{
    /// <summary>Principal name that authorization rules and the audit log refer to.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lower- or upper-case hex of SHA-256 over the key's UTF-8 bytes (64 characters).</summary>
    public string Sha256 { get; set; } = "";
}
