namespace SigningService.KmsPlugin;

// What the plugin prints, before it is shaped into the sigstore plugin JSON.
internal sealed record PluginResult(string Method)
{
    public string? ErrorMessage { get; init; }
    public string? DefaultAlgorithm { get; init; }
    public IReadOnlyList<string>? SupportedAlgorithms { get; init; }
    public string? PublicKeyPem { get; init; }
    public byte[]? Signature { get; init; }

    public static PluginResult Fail(string message) => new(string.Empty) { ErrorMessage = message };
}
