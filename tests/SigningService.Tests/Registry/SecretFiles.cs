namespace SigningService.Tests.Registry;

/// <summary>A private temp folder for secret files a test configures; deleted on dispose.</summary>
public sealed class SecretFiles : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "secrets-" + Guid.NewGuid().ToString("N"));

    public SecretFiles() => System.IO.Directory.CreateDirectory(Directory);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
