using System.Net.Sockets;
using SigningService.KmsRelay.Wire;

namespace SigningService.KmsPlugin;

internal static class RelayClient
{
    public static async Task<RelayResponse> SendAsync(string socketPath, RelayRequest request, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await RelayFraming.WriteAsync(stream, request, RelayJsonContext.Default.RelayRequest, cancellationToken);
        return await RelayFraming.ReadAsync(stream, RelayJsonContext.Default.RelayResponse, cancellationToken)
            ?? RelayResponse.Fail("empty relay response");
    }
}
