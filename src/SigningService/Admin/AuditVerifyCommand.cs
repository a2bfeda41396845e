using SigningService.Audit;

namespace SigningService.Admin;

/// <summary>`SigningService audit verify FILE`: exit 0 with the count and head hash when intact, 1 naming the first broken line.</summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (args is not ["verify", var path])
        {
            await output.WriteLineAsync("usage: SigningService audit verify FILE");
            return 2;
        }
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"audit log not found: {path}");
            return 2;
        }
        var text = await File.ReadAllTextAsync(path);
        var lines = text.Split('\n');
        // A complete file ends with a newline; anything after the last one is a torn or appended line.
        var records = text.Length == 0 ? [] : text.EndsWith('\n') ? lines[..^1] : lines;
        var verdict = AuditVerifier.Verify(records);
        if (!verdict.Intact)
        {
            await output.WriteLineAsync($"audit log BROKEN at line {verdict.BrokenLine}: {verdict.Problem}");
            return 1;
        }
        await output.WriteLineAsync($"audit log intact: {verdict.Records} records; chain head {verdict.Head}");
        return 0;
    }
}
