namespace SigningService.Keys;

/// <summary>A cosign key pair in files; the password is read from its file at each use.</summary>
public sealed class FileSigningKey(string name, FileKeyOptions options, string publicKeyPem)
    : SigningKey(name, "file", publicKeyPem)
{
    public static string PublicKeyPath(FileKeyOptions options) =>
        options.PublicKey ?? Path.ChangeExtension(options.PrivateKey, ".pub");

    public override async Task<CosignKeyReference> ForCosignAsync(string jobId, CancellationToken cancellationToken)
    {
        var password = (await File.ReadAllTextAsync(options.PasswordFile, cancellationToken)).TrimEnd('\r', '\n');
        return new CosignKeyReference(options.PrivateKey, new Dictionary<string, string> { ["COSIGN_PASSWORD"] = password });
    }
}
