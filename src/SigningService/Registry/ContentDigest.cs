using System.Security.Cryptography;

namespace SigningService.Registry;

public static class ContentDigest
{
    public static string Sha256(ReadOnlySpan<byte> content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>Digest of <paramref name="content"/> with the algorithm named by <paramref name="digest"/>.</summary>
    public static string Compute(string digest, ReadOnlySpan<byte> content) =>
        digest.StartsWith("sha512:", StringComparison.Ordinal)
            ? "sha512:" + Convert.ToHexStringLower(SHA512.HashData(content))
            : Sha256(content);

    public static bool Matches(string digest, ReadOnlySpan<byte> content) =>
        string.Equals(digest, Compute(digest, content), StringComparison.Ordinal);
}
