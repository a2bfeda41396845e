using System.Text.Json;
using System.Text.Json.Serialization;

namespace SigningService.KmsRelay.Wire;

// The plugin <-> service protocol over the Unix socket. One request and one response per
// connection, each a frame (see RelayFraming). This file is compiled into both the plugin and
// the service so the two sides cannot drift apart.
internal static class RelayMethods
{
    public const string DefaultAlgorithm = "defaultAlgorithm";
    public const string SupportedAlgorithms = "supportedAlgorithms";
    public const string PublicKey = "publicKey";
    public const string SignMessage = "signMessage";
    public const string VerifySignature = "verifySignature";
}

internal sealed record RelayRequest
{
    public int Version { get; init; } = 1;
    public required string Token { get; init; }
    public required string Method { get; init; }
    public required string KeyName { get; init; }

    // "SHA256" | "SHA384" | "SHA512"; null means the key's default.
    public string? HashAlgorithm { get; init; }

    // Exactly one of Digest / Message for signMessage and verifySignature.
    public byte[]? Digest { get; init; }
    public byte[]? Message { get; init; }
    public byte[]? Signature { get; init; }
}

internal sealed record RelayResponse
{
    public string? Error { get; init; }
    public string? PublicKeyPem { get; init; }
    public string? DefaultAlgorithm { get; init; }
    public IReadOnlyList<string>? SupportedAlgorithms { get; init; }
    public byte[]? Signature { get; init; }
    public bool? Verified { get; init; }

    public static RelayResponse Fail(string error) => new() { Error = error };
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelayRequest))]
[JsonSerializable(typeof(RelayResponse))]
internal sealed partial class RelayJsonContext : JsonSerializerContext;
