namespace SigningService.KmsPlugin;

// Go's crypto.Hash numbering, which the plugin protocol uses for "hashFunc".
internal static class HashFunctions
{
    public static string? ToName(int goCryptoHash) => goCryptoHash switch
    {
        5 => "SHA256",
        6 => "SHA384",
        7 => "SHA512",
        _ => null,
    };
}
