using Microsoft.Extensions.Options;

namespace SigningService.KmsRelay;

internal sealed class KmsRelayOptionsValidator : IValidateOptions<KmsRelayOptions>
{
    // sockaddr_un.sun_path is 108 bytes including the NUL; the relay adds "/signingservice-kms-<32 hex>/relay.sock".
    private const int MaxSocketDirectoryLength = 107 - 62;

    public ValidateOptionsResult Validate(string? name, KmsRelayOptions options)
    {
        var errors = new List<string>();
        var section = KmsRelayOptions.SectionName;
        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > TimeSpan.FromHours(24))
        {
            errors.Add($"{section}:TokenLifetime must be between 00:00:01 and 1.00:00:00");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{section}:RequestTimeout must be positive");
        }
        if (options.MaxConcurrentRequests is < 1 or > 1024)
        {
            errors.Add($"{section}:MaxConcurrentRequests must be between 1 and 1024");
        }
        var socketDirectory = options.ResolvedSocketDirectory;
        if (!Path.IsPathFullyQualified(socketDirectory))
        {
            errors.Add($"{section}:SocketDirectory must be an absolute path");
        }
        else if (Path.TrimEndingDirectorySeparator(socketDirectory).Length > MaxSocketDirectoryLength)
        {
            errors.Add($"{section}:SocketDirectory is too long for a Unix socket path (max {MaxSocketDirectoryLength} characters)");
        }
        var pluginDirectory = options.ResolvedPluginDirectory;
        if (!Path.IsPathFullyQualified(pluginDirectory))
        {
            errors.Add($"{section}:PluginDirectory must be an absolute path");
        }
        else if (!File.Exists(Path.Combine(pluginDirectory, KmsRelayEnvironmentFactory.PluginExecutableName)))
        {
            errors.Add($"{section}:PluginDirectory '{pluginDirectory}' does not contain {KmsRelayEnvironmentFactory.PluginExecutableName}");
        }
        if (options.DotnetRoot is { } root && !Path.IsPathFullyQualified(root))
        {
            errors.Add($"{section}:DotnetRoot must be an absolute path");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
