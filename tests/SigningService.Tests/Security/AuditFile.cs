using System.Text.Json.Nodes;

namespace SigningService.Tests.Security;

internal static class AuditFile
{
    public static IReadOnlyList<JsonObject> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var records = new List<JsonObject>();
        while (reader.ReadLine() is { } line)
        {
            try
            {
                if (line.Length > 0)
                {
                    records.Add(JsonNode.Parse(line)!.AsObject());
                }
            }
            catch (System.Text.Json.JsonException)
            {
                // A line being written right now; the next read sees it whole.
            }
        }
        return records;
    }

    public static string? Text(JsonObject record, string name) => record[name]?.GetValue<string>();
}
