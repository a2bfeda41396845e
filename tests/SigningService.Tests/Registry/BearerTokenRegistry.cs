using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace SigningService.Tests.Registry;

/// <summary>
/// A minimal fake of a token-auth registry (distribution has no built-in token server): manifests
/// answer 401 with a Bearer challenge until a token from /token is shown. Only for the auth flow test.
/// </summary>
public sealed class BearerTokenRegistry : IAsyncDisposable
{
    public const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private readonly WebApplication _app;

    private BearerTokenRegistry(WebApplication app) => _app = app;

    public string Host { get; private set; } = "";

    public List<string> TokenRequests { get; } = [];

    public static async Task<BearerTokenRegistry> StartAsync(string username, string password, string refreshToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var registry = new BearerTokenRegistry(app);
        var basic = "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{username}:{password}"));
        app.MapGet("/token", (HttpContext context) =>
        {
            registry.TokenRequests.Add("GET " + context.Request.QueryString.Value);
            return context.Request.Headers.Authorization == basic
                ? Results.Json(new { token = "granted-token", expires_in = 300 })
                : Results.Unauthorized();
        });
        app.MapPost("/token", async (HttpContext context) =>
        {
            var form = await context.Request.ReadFormAsync();
            registry.TokenRequests.Add($"POST {form["grant_type"]} {form["scope"]} {form["service"]}");
            return form["refresh_token"] == refreshToken
                ? Results.Json(new { access_token = "granted-token", expires_in = 300 })
                : Results.Unauthorized();
        });
        app.MapMethods("/v2/{**path}", ["GET", "HEAD"], (HttpContext context) =>
        {
            if (context.Request.Headers.Authorization != "Bearer granted-token")
            {
                context.Response.Headers.WWWAuthenticate =
                    $"Bearer realm=\"http://{registry.Host}/token\",service=\"fake-registry\",scope=\"repository:team/app:pull\"";
                return Results.StatusCode(401);
            }
            context.Response.Headers["Docker-Content-Digest"] = Digest;
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        registry.Host = new Uri(address).Authority;
        return registry;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
