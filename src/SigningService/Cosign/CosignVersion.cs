using System.Text.RegularExpressions;

namespace SigningService.Cosign;

/// <summary>Reads the version out of `cosign version` output.</summary>
public static partial class CosignVersion
{
    public const int MinimumMajor = 3;

    /// <summary>
    /// Returns the semantic version, or null when cosign was built without one: distribution
    /// builds (Debian's) print "GitVersion: devel".
    /// </summary>
    public static Version? Parse(string output)
    {
        var match = GitVersion().Match(output);
        return match.Success && Version.TryParse(match.Groups[1].Value, out var version) ? version : null;
    }

    /// <summary>
    /// For builds without a version: cosign 3 is the first whose sign-blob defaults
    /// --use-signing-config to true, a flag default that its help text shows.
    /// </summary>
    public static bool HelpLooksLikeV3(string signBlobHelp) =>
        signBlobHelp.Contains("--use-signing-config=true", StringComparison.Ordinal);

    [GeneratedRegex(@"^GitVersion:\s*v?(\d+\.\d+\.\d+)", RegexOptions.Multiline)]
    private static partial Regex GitVersion();
}
