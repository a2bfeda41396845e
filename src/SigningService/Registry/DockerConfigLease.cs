namespace SigningService.Registry;

/// <summary>A private DOCKER_CONFIG folder; disposing deletes it with the credentials inside.</summary>
public sealed class DockerConfigLease(string directory) : IDisposable, IAsyncDisposable
{
    /// <summary>Value for the child's DOCKER_CONFIG environment variable.</summary>
    public string Directory { get; } = directory;

    public string ConfigPath => Path.Combine(Directory, "config.json");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
