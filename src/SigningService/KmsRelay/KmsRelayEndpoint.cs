using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SigningService.KmsRelay;

// Owns the listening socket and its private folder. Separate from the server so that the
// environment factory can read the path without depending on a hosted service.
public sealed class KmsRelayEndpoint(IOptions<KmsRelayOptions> options) : IDisposable
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private Socket? _listener;

    public string? SocketPath { get; private set; }

    internal string? Directory { get; private set; }

    public string RequireSocketPath() =>
        SocketPath ?? throw new InvalidOperationException("The KMS relay is not listening (is the host started?)");

    internal Socket Bind()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The KMS relay needs Unix file modes for its private socket folder");
        }
        if (_listener is not null)
        {
            throw new InvalidOperationException("The KMS relay socket is already bound");
        }
        // A fresh random folder per start: nothing stale to trust, nobody else can enter it.
        var directory = Path.Combine(options.Value.ResolvedSocketDirectory, "signingservice-kms-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        Storage.PrivateFiles.CreateFolder(directory);
        var socketPath = Path.Combine(directory, "relay.sock");
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            File.SetUnixFileMode(socketPath, PrivateFile);
            listener.Listen(64);
        }
        catch
        {
            listener.Dispose();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
        (_listener, Directory, SocketPath) = (listener, directory, socketPath);
        return listener;
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _listener = null;
        SocketPath = null;
        if (Directory is { } directory && System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
