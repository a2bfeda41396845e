namespace SigningService.KmsRelay;

public sealed class KmsRelayOptions
{
    public const string SectionName = "KmsRelay";

    // Parent folder; the relay creates its own private (0700) folder inside it. Default: temp path.
    public string? SocketDirectory { get; set; }

    // How long a job's capability token stays valid if the job never revokes it.
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    // Folder holding the sigstore-kms-hsm executable. Default: <service binaries>/kms-plugin.
    public string? PluginDirectory { get; set; }

    // Where the plugin's apphost finds the .NET runtime. Default: the runtime running the service.
    public string? DotnetRoot { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public int MaxConcurrentRequests { get; set; } = 16;

    internal string ResolvedSocketDirectory => SocketDirectory ?? Path.GetTempPath();

    internal string ResolvedPluginDirectory => PluginDirectory ?? Path.Combine(AppContext.BaseDirectory, "kms-plugin");
}
