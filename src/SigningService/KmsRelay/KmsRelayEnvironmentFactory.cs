using System.Runtime.InteropServices;
using Microsoft.Extensions.Options;

namespace SigningService.KmsRelay;

public sealed class KmsRelayEnvironmentFactory(CapabilityTokenStore tokens, KmsRelayEndpoint endpoint, IOptions<KmsRelayOptions> options)
{
    public const string PluginExecutableName = "sigstore-kms-hsm";
    public const string KeyScheme = "hsm://";
    public const string SocketVariable = "SIGNINGSERVICE_KMS_SOCKET";
    public const string TokenVariable = "SIGNINGSERVICE_KMS_TOKEN";
    public const string DefaultSystemPath = "/usr/local/bin:/usr/bin:/bin";

    public string PluginDirectory => options.Value.ResolvedPluginDirectory;

    // Issues a token bound to (jobId, keyName) and builds cosign's environment. systemPath is
    // appended after the plugin folder (cosign may also run credential helpers from PATH).
    public KmsRelayEnvironment For(string jobId, string keyName, string systemPath = DefaultSystemPath)
    {
        if (!KmsKeyNames.IsValid(keyName))
        {
            throw new ArgumentException("Key names are 1-128 characters of A-Z a-z 0-9 . _ - and start with a letter or digit", nameof(keyName));
        }
        var socketPath = endpoint.RequireSocketPath();
        var lease = tokens.Lease(jobId, keyName, options.Value.TokenLifetime);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SocketVariable] = socketPath,
            [TokenVariable] = lease.Token,
            ["PATH"] = PluginDirectory + Path.PathSeparator + systemPath,
            // The plugin's apphost looks here for the runtime; without it only the distro default works.
            ["DOTNET_ROOT"] = options.Value.DotnetRoot ?? CurrentDotnetRoot(),
            // No diagnostics IPC socket or debugger attach in the short-lived plugin process.
            ["DOTNET_EnableDiagnostics"] = "0",
        };
        return new KmsRelayEnvironment(lease, KeyScheme + keyName, variables);
    }

    // <root>/shared/Microsoft.NETCore.App/<version>/ -> <root>
    internal static string CurrentDotnetRoot()
    {
        var runtimeDirectory = Path.TrimEndingDirectorySeparator(RuntimeEnvironment.GetRuntimeDirectory());
        return Directory.GetParent(runtimeDirectory)?.Parent?.Parent?.FullName
            ?? throw new InvalidOperationException("Cannot locate the .NET root; set KmsRelay:DotnetRoot");
    }
}
