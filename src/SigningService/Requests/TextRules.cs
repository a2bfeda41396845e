namespace SigningService.Requests;

/// <summary>
/// Which characters short caller-supplied text (annotation values, file names) may hold. These
/// strings are signed, recorded in the audit log and shown to reviewers, so besides control
/// characters they exclude what makes text read differently from what it is.
/// </summary>
public static class TextRules
{
    /// <summary>No control characters, unpaired surrogates, line/paragraph separators or bidi controls.</summary>
    public static bool IsSafeLine(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            // An unpaired surrogate cannot be encoded: the child's argv would silently carry U+FFFD instead.
            if (char.IsSurrogate(c) || char.IsControl(c) || IsLayoutControl(c))
            {
                return false;
            }
        }
        return true;
    }

    // U+2028/2029 end a line for many readers; bidi marks, embeddings, overrides and isolates reorder
    // what a reviewer sees ("Trojan Source", RTLO file names).
    private static bool IsLayoutControl(char c) =>
        c is '\u2028' or '\u2029' or '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
