using System.Text;
using SigningService.Cryptoki.Keys;

namespace SigningService.Cryptoki.Uri;

// RFC 7512 PKCS#11 URI: "pkcs11:" path attributes separated by ';', optional '?' query separated by '&'.
// PINs are never accepted in a URI: pin-value and pin-source are rejected.
public sealed class Pkcs11Uri
{
    private static readonly HashSet<string> PathNames =
    [
        "token", "manufacturer", "serial", "model", "library-manufacturer", "library-description",
        "library-version", "object", "type", "id", "slot-description", "slot-manufacturer", "slot-id",
    ];

    private static readonly HashSet<string> Types = ["public", "private", "cert", "secret-key", "data"];

    private readonly Dictionary<string, byte[]> _path = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _query = new(StringComparer.Ordinal);

    private Pkcs11Uri()
    {
    }

    public string? Token => Text("token");

    public string? Manufacturer => Text("manufacturer");

    public string? Serial => Text("serial");

    public string? Model => Text("model");

    public string? Object => Text("object");

    public string? Type => Text("type");

    public byte[]? Id => _path.TryGetValue("id", out var v) ? v : null;

    public ulong? SlotId => Text("slot-id") is { } s ? ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;

    public string? ModuleName => _query.TryGetValue("module-name", out var v) ? Encoding.UTF8.GetString(v) : null;

    public string? ModulePath => _query.TryGetValue("module-path", out var v) ? Encoding.UTF8.GetString(v) : null;

    public IReadOnlyDictionary<string, byte[]> PathAttributes => _path;

    public static Pkcs11Uri Parse(string uri) =>
        TryParse(uri, out var result, out var error) ? result : throw new FormatException($"invalid PKCS#11 URI: {error}");

    public static bool TryParse(string uri, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pkcs11Uri? result, out string? error)
    {
        result = null;
        error = Pkcs11UriParser.Parse(uri, out var path, out var query);
        if (error is null)
        {
            error = Validate(path, query);
        }
        if (error is not null)
        {
            return false;
        }
        result = new Pkcs11Uri();
        foreach (var (k, v) in path!)
        {
            result._path[k] = v;
        }
        foreach (var (k, v) in query!)
        {
            result._query[k] = v;
        }
        return true;
    }

    public HsmKeySelector ToKeySelector() => Object is null && Id is null
        ? throw new InvalidOperationException("the PKCS#11 URI names no object (object= or id=)")
        : new HsmKeySelector(Object, Id);

    public override string ToString()
    {
        var sb = new StringBuilder("pkcs11:");
        sb.AppendJoin(';', _path.Select(kv => $"{kv.Key}={Pkcs11UriParser.Encode(kv.Value)}"));
        if (_query.Count > 0)
        {
            sb.Append('?').AppendJoin('&', _query.Select(kv => $"{kv.Key}={Pkcs11UriParser.Encode(kv.Value)}"));
        }
        return sb.ToString();
    }

    private static string? Validate(List<(string Name, byte[] Value)>? path, List<(string Name, byte[] Value)>? query)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in path!)
        {
            if (!PathNames.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                return $"unknown path attribute '{name}'";
            }
            if (!seen.Add(name))
            {
                return $"path attribute '{name}' appears twice";
            }
            if (name != "id" && !Pkcs11UriParser.IsUtf8(value))
            {
                return $"attribute '{name}' is not UTF-8";
            }
        }
        if (path.FirstOrDefault(a => a.Name == "type").Value is { } type && !Types.Contains(Encoding.UTF8.GetString(type)))
        {
            return "type must be one of public, private, cert, secret-key, data";
        }
        if (path.FirstOrDefault(a => a.Name == "slot-id").Value is { } slot && !ulong.TryParse(Encoding.UTF8.GetString(slot), out _))
        {
            return "slot-id must be a decimal number";
        }
        foreach (var (name, _) in query!)
        {
            if (name is "pin-value" or "pin-source")
            {
                return $"'{name}' is not accepted: configure the PIN through the PIN file or environment variable";
            }
            if (name is not ("module-name" or "module-path") && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                return $"unknown query attribute '{name}'";
            }
        }
        return null;
    }

    private string? Text(string name) => _path.TryGetValue(name, out var v) ? Encoding.UTF8.GetString(v) : null;
}
