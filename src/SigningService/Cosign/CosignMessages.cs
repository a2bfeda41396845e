namespace SigningService.Cosign;

/// <summary>Makes cosign's messages fit to show callers: no server paths, bounded length.</summary>
public static class CosignMessages
{
    public static string Scrub(string message, params string[] privatePaths)
    {
        foreach (var path in privatePaths.Where(p => p.Length > 1).OrderByDescending(p => p.Length))
        {
            message = message.Replace(path, "<job>", StringComparison.Ordinal);
        }
        return message.Length <= 2000 ? message : message[..2000] + "…";
    }
}
