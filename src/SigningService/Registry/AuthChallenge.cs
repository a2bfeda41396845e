using System.Net.Http.Headers;
using System.Text;

namespace SigningService.Registry;

/// <summary>One WWW-Authenticate challenge: scheme plus its auth-params (realm, service, scope, ...).</summary>
public sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters)
{
    public bool IsBasic => Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase);

    public bool IsBearer => Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase);

    public string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    public static AuthChallenge? Select(HttpHeaderValueCollection<AuthenticationHeaderValue> headers)
    {
        AuthChallenge? basic = null;
        foreach (var header in headers)
        {
            var challenge = new AuthChallenge(header.Scheme, ParseParameters(header.Parameter));
            if (challenge.IsBearer)
            {
                return challenge;
            }
            basic ??= challenge.IsBasic ? challenge : null;
        }
        return basic;
    }

    /// <summary>Parses <c>k="v", k2=v2</c>; quoted values may hold commas and backslash escapes.</summary>
    public static Dictionary<string, string> ParseParameters(string? text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (text is not null && i < text.Length)
        {
            while (i < text.Length && (text[i] == ',' || text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }
            var eq = text.IndexOf('=', i);
            if (eq < 0)
            {
                break;
            }
            var key = text[i..eq].Trim();
            i = eq + 1;
            var value = new StringBuilder();
            if (i < text.Length && text[i] == '"')
            {
                for (i++; i < text.Length && text[i] != '"'; i++)
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }
                    value.Append(text[i]);
                }
                i++;
            }
            else
            {
                for (; i < text.Length && text[i] != ','; i++)
                {
                    value.Append(text[i]);
                }
            }
            if (key.Length > 0)
            {
                result[key] = value.ToString().Trim();
            }
        }
        return result;
    }
}
