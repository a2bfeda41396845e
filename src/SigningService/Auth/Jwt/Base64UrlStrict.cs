using System.Buffers.Text;

namespace SigningService.Auth.Jwt;

/// <summary>
/// Base64url without padding, whitespace or non-zero trailing bits, so each byte string has exactly
/// one accepted encoding (the BCL decoder is lenient about whitespace and padding).
/// </summary>
internal static class Base64UrlStrict
{
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length % 4 == 1)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (ValueOf(c) < 0)
            {
                return false;
            }
        }
        if (text.Length > 0)
        {
            // The last character carries 2 (len%4==2) or 4 (len%4==3) bits that no byte uses; they must be zero.
            var last = ValueOf(text[^1]);
            var unusedMask = (text.Length % 4) switch { 2 => 0x0F, 3 => 0x03, _ => 0 };
            if ((last & unusedMask) != 0)
            {
                return false;
            }
        }
        bytes = Base64Url.DecodeFromChars(text);
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);

    private static int ValueOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
