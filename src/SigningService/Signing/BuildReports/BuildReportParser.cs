using System.Globalization;
using System.Text;

namespace SigningService.Signing.BuildReports;

/// <summary>
/// Reads the small TOML subset a buildpacks exporter writes: the <c>[image]</c> table with
/// <c>tags = [...]</c>, <c>digest</c>, <c>image-id</c>, <c>manifest-size</c>. Other tables
/// (<c>[build]</c>, <c>[[build.bom]]</c>, <c>[run-image]</c>) are skipped; anything this parser
/// cannot read safely is refused rather than guessed at.
/// </summary>
public static class BuildReportParser
{
    public static bool TryParse(string text, out BuildReport? report, out string error)
    {
        report = null;
        try
        {
            report = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static BuildReport Parse(string text)
    {
        if (text.Contains("\"\"\"", StringComparison.Ordinal) || text.Contains("'''", StringComparison.Ordinal))
        {
            throw new FormatException("report.toml: multi-line strings are not supported.");
        }
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        string? table = null;
        var seenImage = false;
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('['))
            {
                table = line.StartsWith("[[", StringComparison.Ordinal) ? "[[" + line.Trim('[', ']').Trim() : line.Trim('[', ']').Trim();
                if (table == "image")
                {
                    seenImage = seenImage ? throw new FormatException($"report.toml line {i + 1}: [image] appears twice.") : true;
                }
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"report.toml line {i + 1}: expected key = value.");
            }
            var key = line[..eq].Trim().Trim('"');
            var value = line[(eq + 1)..].Trim();
            // A multi-line array: gather lines until its brackets balance.
            while (value.StartsWith('[') && !Balanced(value))
            {
                if (++i >= lines.Length)
                {
                    throw new FormatException("report.toml: an array is not closed.");
                }
                value += " " + StripComment(lines[i]).Trim();
            }
            if (table != "image")
            {
                continue;
            }
            if (values.ContainsKey(key))
            {
                throw new FormatException($"report.toml line {i + 1}: '{Label(key)}' appears twice in [image].");
            }
            values[key] = key switch
            {
                "tags" => ParseStringArray(value, i + 1),
                "digest" or "image-id" => ParseString(value, i + 1),
                "manifest-size" => long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                    ? size : throw new FormatException($"report.toml line {i + 1}: manifest-size must be a non-negative integer."),
                _ => value,
            };
        }
        if (!seenImage)
        {
            throw new FormatException("report.toml has no [image] table.");
        }
        var tags = values.GetValueOrDefault("tags") as List<string> ?? throw new FormatException("report.toml [image] has no tags.");
        var digest = values.GetValueOrDefault("digest") as string ?? throw new FormatException("report.toml [image] has no digest.");
        return new BuildReport(tags, digest, values.GetValueOrDefault("image-id") as string, values.GetValueOrDefault("manifest-size") as long?);
    }

    private static List<string> ParseStringArray(string value, int line)
    {
        if (!value.StartsWith('[') || !value.EndsWith(']'))
        {
            throw new FormatException($"report.toml line {line}: tags must be an array of strings.");
        }
        var items = new List<string>();
        var inner = value[1..^1].Trim();
        var position = 0;
        while (position < inner.Length)
        {
            var (item, next) = ReadString(inner, position, line);
            items.Add(item);
            position = next;
            while (position < inner.Length && char.IsWhiteSpace(inner[position]))
            {
                position++;
            }
            if (position < inner.Length)
            {
                if (inner[position] != ',')
                {
                    throw new FormatException($"report.toml line {line}: tags must be an array of strings.");
                }
                position++;
                while (position < inner.Length && char.IsWhiteSpace(inner[position]))
                {
                    position++;
                }
            }
        }
        return items;
    }

    private static string ParseString(string value, int line)
    {
        var (text, next) = ReadString(value, 0, line);
        return next == value.Length ? text : throw new FormatException($"report.toml line {line}: expected one string.");
    }

    private static (string Value, int Next) ReadString(string text, int start, int line)
    {
        if (start >= text.Length || text[start] is not ('"' or '\''))
        {
            throw new FormatException($"report.toml line {line}: expected a quoted string.");
        }
        var quote = text[start];
        var builder = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == quote)
            {
                return (builder.ToString(), i + 1);
            }
            if (c == '\\' && quote == '"')
            {
                if (++i >= text.Length)
                {
                    break;
                }
                builder.Append(text[i] switch
                {
                    '"' => '"', '\\' => '\\', 'n' => '\n', 't' => '\t',
                    _ => throw new FormatException($"report.toml line {line}: unsupported escape."),
                });
                continue;
            }
            builder.Append(c);
        }
        throw new FormatException($"report.toml line {line}: a string is not closed.");
    }

    private static bool Balanced(string value)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in value)
        {
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
                continue;
            }
            switch (c)
            {
                case '"' or '\'': quote = c; break;
                case '[': depth++; break;
                case ']': depth--; break;
            }
        }
        return depth == 0;
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == '\\' && quote == '"')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#')
            {
                return line[..i];
            }
        }
        return line;
    }

    private static string Label(string key) => key.Length <= 64 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') ? key : "(key)";
}
