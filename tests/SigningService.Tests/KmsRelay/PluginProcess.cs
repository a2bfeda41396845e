using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SigningService.Tests.KmsRelay;

// Runs the real sigstore-kms-hsm executable the build copied to <test output>/kms-plugin/.
internal static class PluginProcess
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "kms-plugin");

    public static string Executable { get; } = Path.Combine(Directory, "sigstore-kms-hsm");

    public static async Task<JsonElement> RunAsync(IReadOnlyDictionary<string, string> environment, string argumentsJson, byte[]? stdin = null, string protocolVersion = "v1")
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(protocolVersion);
        start.ArgumentList.Add(argumentsJson);
        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout;
        Assert.True(output.Length > 0, "plugin wrote nothing; stderr: " + await stderr);
        Assert.DoesNotContain("   at ", await stderr, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output);
        return document.RootElement.Clone();
    }

    // The JSON cosign 3.1 sends (captured from a real run), for one method.
    public static string Arguments(string method, string keyName, string? methodArgs = null, int hashFunc = 5)
    {
        var root = new JsonObject
        {
            ["initOptions"] = new JsonObject
            {
                ["ctxDeadline"] = DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"),
                ["protocolVersion"] = "v1",
                ["keyResourceID"] = keyName,
                ["hashFunc"] = hashFunc,
                ["rpcOptions"] = RpcOptions(),
            },
            ["methodName"] = method,
        };
        if (methodArgs is not null)
        {
            foreach (var (name, value) in JsonNode.Parse("{" + methodArgs + "}")!.AsObject().ToList())
            {
                root[name] = value?.DeepClone();
            }
        }
        return root.ToJsonString();
    }

    public static string SignArguments(string keyName, byte[]? digest, int? messageHashFunc = null)
    {
        var args = new JsonObject
        {
            ["signMessage"] = new JsonObject
            {
                ["signOptions"] = new JsonObject { ["rpcOptions"] = RpcOptions(), ["messageOptions"] = MessageOptions(digest, messageHashFunc) },
            },
        };
        return Arguments("signMessage", keyName, args.ToJsonString()[1..^1]);
    }

    public static string VerifyArguments(string keyName, byte[] signature, byte[]? digest)
    {
        var args = new JsonObject
        {
            ["verifySignature"] = new JsonObject
            {
                ["signature"] = Convert.ToBase64String(signature),
                ["verifyOptions"] = new JsonObject { ["rpcOptions"] = RpcOptions(), ["messageOptions"] = MessageOptions(digest, null) },
            },
        };
        return Arguments("verifySignature", keyName, args.ToJsonString()[1..^1]);
    }

    public static string? ErrorMessage(JsonElement response) =>
        response.TryGetProperty("errorMessage", out var error) ? error.GetString() : null;

    private static JsonObject RpcOptions() => new() { ["keyVersion"] = "", ["remoteVerification"] = false };

    private static JsonObject MessageOptions(byte[]? digest, int? hashFunc)
    {
        var options = new JsonObject { ["digest"] = digest is null ? null : Convert.ToBase64String(digest) };
        if (hashFunc is not null)
        {
            options["hashFunc"] = hashFunc;
        }
        return options;
    }
}
