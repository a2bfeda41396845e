using System.Security.Cryptography;
using System.Text;

namespace SigningService.Audit;

/// <summary>The hash chain: each record's "prev" is the SHA-256 (hex) of the previous line's UTF-8 bytes.</summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string HashLine(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));
}
