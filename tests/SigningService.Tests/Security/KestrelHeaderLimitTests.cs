using System.Net;
using System.Net.Sockets;
using System.Text;
using SigningService.Tests.Infrastructure;

namespace SigningService.Tests.Security;

/// <summary>
/// Abuse the in-memory test server cannot show, against the real Kestrel on 127.0.0.1: oversized
/// headers (431), NUL and raw CR/LF on the wire (400). The service answers normally afterwards.
/// </summary>
public sealed class KestrelHeaderLimitTests : IDisposable
{
    private readonly ServiceFactory _factory = new();
    private readonly HttpClient _client;

    public KestrelHeaderLimitTests()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task Send_HugeHeader_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/keys");
        request.Headers.TryAddWithoutValidation("X-Padding", new string('a', 40 * 1024));

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Send_TooManyHeaders_431()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/keys");
        for (var i = 0; i < 100; i++)
        {
            request.Headers.TryAddWithoutValidation($"X-H{i}", "v");
        }

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("GET /v1/jobs/j%00 HTTP/1.1\r\nHost: x\r\n\r\n")]
    [InlineData("GET /v1/keys HTTP/1.1\r\nHost: x\r\nPrefer: wait=1\rX-Injected: 1\r\n\r\n")]
    [InlineData("GET /v1/keys HTTP/1.1\r\nHost: x\r\nPrefer: wait=1\0\r\n\r\n")]
    public async Task Send_RawMalformedRequest_400(string raw)
    {
        var status = await SendRawAsync(raw);

        Assert.Equal("400", status);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live")).StatusCode);
    }

    private async Task<string> SendRawAsync(string raw)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_client.BaseAddress!.Host, _client.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(raw));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = Encoding.Latin1.GetString(buffer, 0, read).Split("\r\n")[0];
        return statusLine.Split(' ')[1];
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }
}
