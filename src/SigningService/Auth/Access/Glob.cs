using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace SigningService.Auth.Access;

/// <summary>
/// Globs for policy patterns: <c>*</c> matches within one path segment (no '/'), <c>**</c> across
/// segments, <c>?</c> one character except '/'. Ordinal and case-sensitive; everything else is literal.
/// </summary>
public static class Glob
{
    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    public static bool IsValid(string? pattern) => !string.IsNullOrEmpty(pattern) && !pattern.Any(char.IsControl);

    public static bool IsMatch(string pattern, string value) =>
        Cache.GetOrAdd(pattern, Compile).IsMatch(value);

    public static bool AnyMatch(IEnumerable<string> patterns, string value) => patterns.Any(p => IsMatch(p, value));

    private static Regex Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                regex.Append(".*");
                i++;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }
        regex.Append('$');
        // Non-backtracking: a pattern from configuration can never make matching slow.
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking | RegexOptions.Singleline);
    }
}
