using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SigningService.Tests.Auth;

/// <summary>A real HTTP server on 127.0.0.1 (free port) serving a JWKS that tests can swap, counting requests.</summary>
internal sealed class JwksTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private JwksTestServer(WebApplication app) => _app = app;

    public string Json { get; set; } = """{"keys":[]}""";

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public TimeSpan Delay { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri JwksUri { get; private set; } = null!;

    public static async Task<JwksTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new JwksTestServer(app);
        app.MapGet("/.well-known/jwks", async (HttpContext context) =>
        {
            Interlocked.Increment(ref server._requests);
            if (server.Delay > TimeSpan.Zero)
            {
                await Task.Delay(server.Delay, context.RequestAborted);
            }
            context.Response.StatusCode = server.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(server.Json, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.JwksUri = new Uri(new Uri(address), "/.well-known/jwks");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
