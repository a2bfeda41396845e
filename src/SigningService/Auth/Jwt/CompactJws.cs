using System.Text;
using System.Text.Json;

namespace SigningService.Auth.Jwt;

/// <summary>A compact JWS split and decoded, with header and payload parsed strictly. Owns both documents.</summary>
internal sealed class CompactJws : IDisposable
{
    private const int HeaderMaxDepth = 4;
    private const int PayloadMaxDepth = 16;

    private CompactJws(JsonDocument header, JsonDocument payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonDocument Header { get; }

    public JsonDocument Payload { get; }

    /// <summary>ASCII of "base64url(header).base64url(payload)", exactly as received.</summary>
    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    /// <summary>Decodes the header only, so the algorithm can be refused before the rest is looked at.</summary>
    public static JsonDocument? TryParseHeader(string token, out int firstDot, out int secondDot)
    {
        firstDot = token.IndexOf('.', StringComparison.Ordinal);
        secondDot = firstDot < 0 ? -1 : token.IndexOf('.', firstDot + 1);
        if (firstDot <= 0 || secondDot < 0 || token.IndexOf('.', secondDot + 1) >= 0)
        {
            return null; // not exactly three segments (JWE has five)
        }
        return Base64UrlStrict.TryDecode(token.AsSpan(0, firstDot), out var headerBytes)
            ? StrictJson.TryParseObject(headerBytes, HeaderMaxDepth)
            : null;
    }

    /// <summary>Takes ownership of <paramref name="header"/> on success.</summary>
    public static CompactJws? TryParseRest(string token, JsonDocument header, int firstDot, int secondDot)
    {
        var payloadText = token.AsSpan(firstDot + 1, secondDot - firstDot - 1);
        var signatureText = token.AsSpan(secondDot + 1);
        if (payloadText.IsEmpty || signatureText.IsEmpty
            || !Base64UrlStrict.TryDecode(payloadText, out var payloadBytes)
            || !Base64UrlStrict.TryDecode(signatureText, out var signature))
        {
            return null;
        }
        var payload = StrictJson.TryParseObject(payloadBytes, PayloadMaxDepth);
        return payload is null
            ? null
            : new CompactJws(header, payload, Encoding.ASCII.GetBytes(token, 0, secondDot), signature);
    }

    public void Dispose()
    {
        Header.Dispose();
        Payload.Dispose();
    }
}
