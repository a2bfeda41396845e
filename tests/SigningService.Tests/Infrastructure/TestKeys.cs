using SigningService.Processes;

namespace SigningService.Tests.Infrastructure;

/// <summary>Two cosign key pairs made once per test run with the real cosign.</summary>
public static class TestKeys
{
    private static readonly Lazy<Task<string>> Folder = new(CreateAsync);

    public const string Release = "release";
    public const string Other = "other";

    public static Task<string> FolderAsync() => Folder.Value;

    public static string PrivateKey(string folder, string name) => Path.Combine(folder, name, "cosign.key");
    public static string PublicKey(string folder, string name) => Path.Combine(folder, name, "cosign.pub");
    public static string PasswordFile(string folder, string name) => Path.Combine(folder, name, "password");

    private static async Task<string> CreateAsync()
    {
        var root = Directory.CreateTempSubdirectory("ss-keys-").FullName;
        foreach (var name in new[] { Release, Other })
        {
            var dir = Directory.CreateDirectory(Path.Combine(root, name)).FullName;
            var password = "pw-" + Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(Path.Combine(dir, "password"), password);
            var result = await new ProcessRunner(TimeProvider.System).RunAsync(
                new ProcessSpec(TestTools.Cosign, ["generate-key-pair"])
                {
                    WorkingDirectory = dir,
                    Environment = new Dictionary<string, string> { ["COSIGN_PASSWORD"] = password, ["HOME"] = dir, ["PATH"] = "/usr/bin:/bin" },
                    Timeout = TimeSpan.FromMinutes(1),
                },
                CancellationToken.None);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException("cosign generate-key-pair failed: " + result.StandardError);
            }
        }
        return root;
    }
}
