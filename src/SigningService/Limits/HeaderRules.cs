using System.Globalization;
using SigningService.Errors;

namespace SigningService.Limits;

/// <summary>
/// Checks the request headers the service interprets itself (Kestrel bounds the total size):
/// Prefer must be short, printable, and its wait= a whole number; anything else is a 400, not ignored,
/// so a client learns its wait was never applied.
/// </summary>
public static class HeaderRules
{
    public const int MaxPreferLength = 256;

    public static IApplicationBuilder UseHeaderRules(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal))
        {
            CheckPrefer(http.Request.Headers["Prefer"]);
        }
        await next(http);
    });

    private static void CheckPrefer(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count == 0)
        {
            return;
        }
        if (values.Count > 1 || values.Sum(v => v?.Length ?? 0) > MaxPreferLength || values.Any(v => v?.Any(char.IsControl) == true))
        {
            throw new RequestProblemException(Problems.Validation, $"Send one Prefer header of at most {MaxPreferLength} printable characters.", "Prefer");
        }
        foreach (var preference in values[0]!.Split(',', StringSplitOptions.TrimEntries))
        {
            var parts = preference.Split(';', 2)[0].Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts[0].Equals("wait", StringComparison.OrdinalIgnoreCase)
                && (parts.Length != 2 || !int.TryParse(parts[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new RequestProblemException(Problems.Validation, "Prefer: wait must be a whole number of seconds, e.g. wait=30.", "Prefer");
            }
        }
    }
}
