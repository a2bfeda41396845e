using System.Text;

namespace SigningService.Cryptoki.Pooling;

// PIN providers for HsmTokenPoolOptions.PinProvider. Read at each login (so a rotated secret file is
// picked up); a trailing newline in the file is not part of the PIN.
public static class HsmPinSources
{
    public static Func<byte[]> FromFile(string path) => () =>
    {
        var bytes = File.ReadAllBytes(path);
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] is (byte)'\n' or (byte)'\r')
        {
            length--;
        }
        var pin = bytes[..length];
        Array.Clear(bytes);
        return pin;
    };

    public static Func<byte[]> FromEnvironment(string variable) => () =>
        Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable(variable)
            ?? throw new InvalidOperationException($"environment variable {variable} holding the HSM PIN is not set"));
}
