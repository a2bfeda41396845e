using System.Net.Sockets;
using System.Text.Json;
using SigningService.KmsRelay.Wire;

namespace SigningService.KmsPlugin;

internal static class PluginRunner
{
    public const string SocketVariable = "SIGNINGSERVICE_KMS_SOCKET";
    public const string TokenVariable = "SIGNINGSERVICE_KMS_TOKEN";

    // cosign 3.x sends "v1"; sigstore's README and older clients say "1".
    private static readonly string[] SupportedProtocolVersions = ["1", "v1"];
    private static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(5);

    public static async Task<PluginResult> RunAsync(string[] args, Stream stdin, Func<string, string?> getEnvironment)
    {
        if (args.Length < 2)
        {
            return PluginResult.Fail("sigstore-kms-hsm: expected <protocol version> <JSON arguments>");
        }
        if (!SupportedProtocolVersions.Contains(args[0]))
        {
            return PluginResult.Fail($"sigstore-kms-hsm: unsupported plugin protocol version '{args[0]}'");
        }
        PluginInvocation invocation;
        try
        {
            invocation = PluginInvocation.Parse(args[1]);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return PluginResult.Fail("sigstore-kms-hsm: malformed plugin arguments");
        }
        if (invocation.Method == "createKey")
        {
            return PluginResult.Fail("sigstore-kms-hsm: createKey is not supported; HSM keys are created by SigningService administrators");
        }
        if (!IsRelayed(invocation.Method))
        {
            return PluginResult.Fail($"sigstore-kms-hsm: unsupported method '{invocation.Method}'");
        }
        var socketPath = getEnvironment(SocketVariable);
        var token = getEnvironment(TokenVariable);
        if (string.IsNullOrEmpty(socketPath) || string.IsNullOrEmpty(token))
        {
            return PluginResult.Fail($"sigstore-kms-hsm: {SocketVariable} and {TokenVariable} must be set (the plugin only works inside a SigningService job)");
        }
        if (invocation.KeyName.Length == 0)
        {
            return PluginResult.Fail("sigstore-kms-hsm: no key name (use --key hsm://NAME)");
        }

        using var timeout = new CancellationTokenSource(WaitFor(invocation.Deadline));
        try
        {
            var request = await BuildRequestAsync(invocation, token, stdin, timeout.Token);
            if (request.Error is not null)
            {
                return PluginResult.Fail(request.Error);
            }
            var response = await RelayClient.SendAsync(socketPath, request.Request!, timeout.Token);
            return ToResult(invocation.Method, response);
        }
        catch (SocketException ex)
        {
            return PluginResult.Fail($"sigstore-kms-hsm: cannot reach the SigningService KMS relay ({ex.SocketErrorCode})");
        }
        catch (OperationCanceledException)
        {
            return PluginResult.Fail("sigstore-kms-hsm: timed out waiting for the SigningService KMS relay");
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or JsonException)
        {
            return PluginResult.Fail("sigstore-kms-hsm: broken exchange with the SigningService KMS relay");
        }
    }

    private static bool IsRelayed(string method) => method is RelayMethods.DefaultAlgorithm or RelayMethods.SupportedAlgorithms
        or RelayMethods.PublicKey or RelayMethods.SignMessage or RelayMethods.VerifySignature;

    private static TimeSpan WaitFor(DateTimeOffset? deadline)
    {
        if (deadline is not { } d)
        {
            return MaxWait;
        }
        var left = d - DateTimeOffset.UtcNow;
        return left <= TimeSpan.Zero ? TimeSpan.FromMilliseconds(1) : left < MaxWait ? left : MaxWait;
    }

    private static async Task<(RelayRequest? Request, string? Error)> BuildRequestAsync(
        PluginInvocation invocation, string token, Stream stdin, CancellationToken cancellationToken)
    {
        var request = new RelayRequest { Token = token, Method = invocation.Method, KeyName = invocation.KeyName };
        if (invocation.Method is not (RelayMethods.SignMessage or RelayMethods.VerifySignature))
        {
            return (request, null);
        }
        string? hash = null;
        // initOptions.hashFunc is what cosign built its signer with (always SHA-256 in cosign 3.1), not the
        // hash of a supplied digest: sigstore-go hashes with the key's default (SHA-384 for P-384). So a
        // digest's hash comes only from messageOptions.hashFunc, else the relay uses the key's own hash.
        var hashFunc = invocation.Digest is not null ? invocation.MessageHashFunc : invocation.MessageHashFunc ?? invocation.InitHashFunc;
        if (hashFunc is int goHash and not 0)
        {
            hash = HashFunctions.ToName(goHash);
            if (hash is null)
            {
                return (null, $"sigstore-kms-hsm: unsupported hash function {goHash} (SHA-256/384/512 only)");
            }
        }
        if (invocation.Method == RelayMethods.VerifySignature && invocation.Signature is null)
        {
            return (null, "sigstore-kms-hsm: verifySignature without a signature");
        }
        request = request with { HashAlgorithm = hash, Signature = invocation.Signature };
        if (invocation.Digest is not null)
        {
            // cosign also streams the whole message on stdin; the digest is all the relay needs,
            // but reading stdin to the end keeps cosign's writer from failing on a closed pipe.
            await stdin.CopyToAsync(Stream.Null, cancellationToken);
            return (request with { Digest = invocation.Digest }, null);
        }
        var message = await StdinReader.ReadBoundedAsync(stdin, RelayLimits.MaxMessageBytes, cancellationToken);
        return message is null
            ? (null, $"sigstore-kms-hsm: message larger than {RelayLimits.MaxMessageBytes} bytes and no digest given")
            : (request with { Message = message }, null);
    }

    private static PluginResult ToResult(string method, RelayResponse response)
    {
        if (response.Error is not null)
        {
            return PluginResult.Fail($"sigstore-kms-hsm: relay refused: {response.Error}");
        }
        if (method == RelayMethods.VerifySignature && response.Verified != true)
        {
            return PluginResult.Fail("sigstore-kms-hsm: signature verification failed");
        }
        return new PluginResult(method)
        {
            DefaultAlgorithm = response.DefaultAlgorithm,
            SupportedAlgorithms = response.SupportedAlgorithms,
            PublicKeyPem = response.PublicKeyPem,
            Signature = response.Signature,
        };
    }
}
