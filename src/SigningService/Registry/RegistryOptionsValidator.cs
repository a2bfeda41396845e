using System.Net;
using Microsoft.Extensions.Options;

namespace SigningService.Registry;

/// <summary>Fails the start with a message naming the bad setting.</summary>
public sealed class RegistryOptionsValidator : IValidateOptions<RegistryOptions>
{
    public ValidateOptionsResult Validate(string? name, RegistryOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Hosts.Count; i++)
        {
            var entry = options.Hosts[i];
            var host = entry.Host;
            var prefix = $"{RegistryOptions.SectionName}:Hosts:{i}";
            if (options.Hosts.FindIndex(h => string.Equals(h.Host, host, StringComparison.OrdinalIgnoreCase)) != i)
            {
                failures.Add($"{prefix}:Host '{host}' is configured twice");
            }
            if (!ImageReference.TryParse($"{host}/probe", out var parsed, out _) || parsed.Registry != host)
            {
                failures.Add($"{prefix}:Host '{host}' is not a registry host[:port]");
                continue;
            }
            var hasUser = !string.IsNullOrEmpty(entry.Username) || !string.IsNullOrEmpty(entry.PasswordFile);
            if (hasUser && (string.IsNullOrEmpty(entry.Username) || string.IsNullOrEmpty(entry.PasswordFile)))
            {
                failures.Add($"{prefix}: Username and PasswordFile go together");
            }
            if (hasUser && !string.IsNullOrEmpty(entry.TokenFile))
            {
                failures.Add($"{prefix}: set either Username/PasswordFile or TokenFile, not both");
            }
            if (entry.Username?.Contains(':', StringComparison.Ordinal) == true)
            {
                failures.Add($"{prefix}:Username must not contain ':'");
            }
            if (entry.Insecure && !IsLoopback(host))
            {
                failures.Add($"{prefix}:Insecure (plain HTTP) is allowed only for loopback hosts");
            }
            if (entry.Insecure && !string.IsNullOrEmpty(entry.CaBundleFile))
            {
                failures.Add($"{prefix}: CaBundleFile makes no sense with Insecure");
            }
            if (!string.IsNullOrEmpty(entry.CaBundleFile) && !File.Exists(entry.CaBundleFile))
            {
                failures.Add($"{prefix}:CaBundleFile '{entry.CaBundleFile}' does not exist");
            }
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{RegistryOptions.SectionName}:RequestTimeout must be positive");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool IsLoopback(string registryHost)
    {
        var host = registryHost;
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }
}
