using System.Text.Json;

namespace SigningService.Audit;

/// <summary>The verdict on an audit file: intact, or the first line that breaks the chain and why.</summary>
public sealed record AuditVerdict(bool Intact, long Records, string Head, int? BrokenLine = null, string? Problem = null);

/// <summary>
/// Walks the chain. Each record carries seq (1, 2, …) and prev (hash of the line before), so a
/// break can be told apart: a seq gap is a deletion, a seq found later is a reordering, and a
/// prev mismatch with seq in order means the line before was edited.
/// </summary>
public static class AuditVerifier
{
    public static AuditVerdict Verify(IReadOnlyList<string> lines)
    {
        var records = new List<(long Seq, string Prev)>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            if (!TryParse(lines[i], out var seq, out var prev))
            {
                return Broken(i, "the line is not a well-formed audit record (edited)");
            }
            records.Add((seq, prev));
        }
        var prevHash = AuditChain.Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var expected = i + 1L;
            var (seq, prev) = records[i];
            if (seq != expected)
            {
                var later = records.Skip(i + 1).Any(r => r.Seq == expected);
                return Broken(i, later || seq < expected
                    ? $"record {seq} is out of order: record {expected} should be here (lines were reordered)"
                    : $"record {expected} is missing before this line (a line was deleted)");
            }
            if (!string.Equals(prev, prevHash, StringComparison.Ordinal))
            {
                // This record still names the original of the line before it: that line was changed.
                return i == 0
                    ? Broken(0, "the first record does not start the chain (edited)")
                    : Broken(i - 1, $"the line was modified: line {i + 1} names a different hash for it");
            }
            prevHash = AuditChain.HashLine(lines[i]);
        }
        return new AuditVerdict(true, records.Count, prevHash);
    }

    private static AuditVerdict Broken(int index, string problem) => new(false, 0, "", index + 1, problem);

    private static bool TryParse(string line, out long seq, out string prev)
    {
        seq = 0;
        prev = "";
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("seq", out var s) && s.TryGetInt64(out seq)
                && root.TryGetProperty("prev", out var p) && p.ValueKind == JsonValueKind.String)
            {
                prev = p.GetString()!;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }
}
