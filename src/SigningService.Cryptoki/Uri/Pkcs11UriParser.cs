using System.Text;

namespace SigningService.Cryptoki.Uri;

// Splitting and percent-decoding of RFC 7512 URIs; attribute semantics live in Pkcs11Uri.
internal static class Pkcs11UriParser
{
    private const string Scheme = "pkcs11:";
    private const string PathSafe = "-._~:[]@!$'()*+,=&";
    private const string QuerySafe = "-._~:[]@!$'()*+,=/?|";
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string? Parse(string uri, out List<(string Name, byte[] Value)>? path, out List<(string Name, byte[] Value)>? query)
    {
        path = null;
        query = null;
        if (uri is null || !uri.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "must start with 'pkcs11:'";
        }
        var rest = uri[Scheme.Length..];
        var q = rest.IndexOf('?', StringComparison.Ordinal);
        var pathPart = q < 0 ? rest : rest[..q];
        var queryPart = q < 0 ? null : rest[(q + 1)..];
        var p = new List<(string, byte[])>();
        var qs = new List<(string, byte[])>();
        var error = Split(pathPart, ';', PathSafe, p) ?? (queryPart is null ? null : Split(queryPart, '&', QuerySafe, qs));
        if (error is null)
        {
            path = p;
            query = qs;
        }
        return error;
    }

    public static string Encode(byte[] value)
    {
        var sb = new StringBuilder();
        foreach (var b in value)
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-._~".Contains(c, StringComparison.Ordinal)))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    public static bool IsUtf8(byte[] value)
    {
        try
        {
            StrictUtf8.GetString(value);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string? Split(string part, char separator, string safe, List<(string, byte[])> into)
    {
        if (part.Length == 0)
        {
            return null;
        }
        foreach (var attr in part.Split(separator))
        {
            var eq = attr.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return "an attribute has no name=value form";
            }
            var name = attr[..eq];
            if (!name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                return $"bad attribute name '{Truncate(name)}'";
            }
            var value = Decode(attr[(eq + 1)..], safe);
            if (value is null)
            {
                // The value is not echoed: a misplaced secret must not land in a log.
                return $"attribute '{name}' has an invalid value (bad character or percent-encoding)";
            }
            into.Add((name, value));
        }
        return null;
    }

    private static byte[]? Decode(string value, string safe)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !char.IsAsciiHexDigit(value[i + 1]) || !char.IsAsciiHexDigit(value[i + 2]))
                {
                    return null;
                }
                bytes.Add(Convert.ToByte(value.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (char.IsAsciiLetterOrDigit(c) || safe.Contains(c, StringComparison.Ordinal))
            {
                bytes.Add((byte)c);
            }
            else
            {
                return null;
            }
        }
        return [.. bytes];
    }

    private static string Truncate(string s) => s.Length > 40 ? s[..40] + "..." : s;
}
