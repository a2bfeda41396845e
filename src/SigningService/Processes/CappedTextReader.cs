namespace SigningService.Processes;

/// <summary>
/// Drains a child's output stream to its end (so the child never blocks on a full pipe) while
/// keeping at most a fixed number of characters.
/// </summary>
internal static class CappedTextReader
{
    public static async Task<(string Text, bool Truncated)> ReadAsync(StreamReader reader, int maxChars)
    {
        var kept = new System.Text.StringBuilder();
        var truncated = false;
        var buffer = new char[8192];
        int read;
        while ((read = await reader.ReadAsync(buffer, CancellationToken.None)) > 0)
        {
            var room = maxChars - kept.Length;
            if (room > 0)
            {
                kept.Append(buffer, 0, Math.Min(room, read));
            }
            truncated |= read > room;
        }
        return (kept.ToString(), truncated);
    }
}
