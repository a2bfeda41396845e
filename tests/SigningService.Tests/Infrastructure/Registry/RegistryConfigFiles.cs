using System.Diagnostics;

namespace SigningService.Tests.Infrastructure.Registry;

internal static class RegistryConfigFiles
{
    public static string Yaml(RegistryServer server)
    {
        var lines = new List<string>
        {
            "version: 0.1",
            "log:",
            "  level: warn",
            "  accesslog:",
            "    disabled: true",
            "storage:",
            "  filesystem:",
            $"    rootdirectory: {Path.Combine(server.Directory, "storage")}",
            "  delete:",
            "    enabled: true",
            "  maintenance:",
            "    uploadpurging:",
            "      enabled: false",
            "http:",
            $"  addr: 127.0.0.1:{server.Port}",
            // A fixed secret keeps upload state valid across a restart.
            "  secret: test-registry-secret",
        };
        if (server.CertificateAuthority is { } ca)
        {
            lines.Add("  tls:");
            lines.Add($"    certificate: {ca.ServerCertPath}");
            lines.Add($"    key: {ca.ServerKeyPath}");
        }
        if (server.Username is not null)
        {
            lines.Add("auth:");
            lines.Add("  htpasswd:");
            lines.Add("    realm: signingservice-test");
            lines.Add($"    path: {Path.Combine(server.Directory, "htpasswd")}");
        }
        return string.Join('\n', lines) + "\n";
    }

    /// <summary>bcrypt htpasswd line via `htpasswd -iBn` (password on stdin, not argv).</summary>
    public static async Task WriteHtpasswdAsync(string path, string username, string password)
    {
        var start = new ProcessStartInfo("htpasswd")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-i", "-B", "-n", username })
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteLineAsync(password);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !output.StartsWith(username + ":$2", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"htpasswd failed ({process.ExitCode}): {error}");
        }
        await File.WriteAllTextAsync(path, output.Trim() + "\n");
    }
}
