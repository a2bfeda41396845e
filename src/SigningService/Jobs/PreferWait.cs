using System.Globalization;

namespace SigningService.Jobs;

/// <summary>Reads the wait preference of RFC 7240 ("Prefer: wait=N").</summary>
public static class PreferWait
{
    public static TimeSpan? Parse(IEnumerable<string?> preferHeaders, int maxSeconds)
    {
        foreach (var header in preferHeaders)
        {
            foreach (var preference in (header ?? string.Empty).Split(',', StringSplitOptions.TrimEntries))
            {
                var token = preference.Split(';', 2)[0].Trim();
                var parts = token.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(parts[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(Math.Min(seconds, maxSeconds));
                }
            }
        }
        return null;
    }
}
