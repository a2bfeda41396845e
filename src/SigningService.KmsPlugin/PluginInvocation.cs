using System.Text.Json;

namespace SigningService.KmsPlugin;

// The parts of sigstore's cliplugin v1 argument JSON this plugin uses. Observed from cosign 3.1:
// {"initOptions":{"ctxDeadline":"...","protocolVersion":"v1","keyResourceID":"NAME","hashFunc":5,...},
//  "methodName":"signMessage","signMessage":{"signOptions":{"messageOptions":{"digest":"<b64>"}}}}
internal sealed record PluginInvocation(string Method, string KeyName, int? InitHashFunc, DateTimeOffset? Deadline)
{
    public byte[]? Digest { get; init; }
    public int? MessageHashFunc { get; init; }
    public byte[]? Signature { get; init; }

    public static PluginInvocation Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var method = GetString(root, "methodName") ?? throw new FormatException("methodName missing");
        var init = Get(root, "initOptions");
        var keyName = init is { } i ? GetString(i, "keyResourceID") : null;
        var invocation = new PluginInvocation(
            method,
            keyName ?? string.Empty,
            init is { } h ? GetInt(h, "hashFunc") : null,
            init is { } d && Get(d, "ctxDeadline") is { ValueKind: JsonValueKind.String } deadline ? deadline.GetDateTimeOffset() : null);

        // Sign and verify carry their digest and hash in <method>.<sign|verify>Options.messageOptions.
        var (argsName, optionsName) = method switch
        {
            "signMessage" => ("signMessage", "signOptions"),
            "verifySignature" => ("verifySignature", "verifyOptions"),
            _ => (null, null),
        };
        if (argsName is null || Get(root, argsName) is not { } methodArgs)
        {
            return invocation;
        }
        var messageOptions = Get(methodArgs, optionsName!) is { } o ? Get(o, "messageOptions") : null;
        return invocation with
        {
            Digest = messageOptions is { } m ? GetBytes(m, "digest") : null,
            MessageHashFunc = messageOptions is { } mh ? GetInt(mh, "hashFunc") : null,
            Signature = GetBytes(methodArgs, "signature"),
        };
    }

    private static JsonElement? Get(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    private static string? GetString(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int? GetInt(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : null;

    // An empty digest (Go's PackMessageOptions sends "" for "no digest") counts as absent.
    private static byte[]? GetBytes(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value && value.GetBytesFromBase64() is { Length: > 0 } bytes
            ? bytes
            : null;
}
