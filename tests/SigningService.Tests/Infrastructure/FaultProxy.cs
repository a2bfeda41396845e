using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SigningService.Tests.Infrastructure;

/// <summary>
/// An HTTP reverse proxy on 127.0.0.1 in front of a real registry that can inject faults: answer
/// with an error status for the next N requests (with Retry-After), delay every response or only
/// the next N. Every request is logged (time, method, path, status) so tests can check backoff.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private int _failuresLeft;
    private int _failureStatus;
    private int? _retryAfterSeconds;

    private FaultProxy(WebApplication app, HttpClient upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public string Host { get; private set; } = string.Empty;

    public TimeSpan Delay { get; set; }

    public int Requests => Volatile.Read(ref _requests);

    public int InjectedFailures => Volatile.Read(ref _injected);

    /// <summary>Times at which injected failures were answered, to check backoff.</summary>
    public List<DateTime> FailureTimes { get; } = [];

    private int _requests;
    private int _injected;
    private int _delaysLeft;
    private TimeSpan _nextDelay;

    public sealed record Entry(DateTime At, string Method, string Path, int Status);

    private readonly List<Entry> _log = [];

    /// <summary>Every request answered so far (delayed ones that were abandoned show status 0).</summary>
    public IReadOnlyList<Entry> Log
    {
        get { lock (_log) { return [.. _log]; } }
    }

    /// <summary>Holds the next <paramref name="count"/> requests for <paramref name="delay"/> before answering them.</summary>
    public void DelayNext(int count, TimeSpan delay)
    {
        _nextDelay = delay;
        Volatile.Write(ref _delaysLeft, count);
    }

    /// <summary>Decrements a budget that never goes below zero; true when one was taken.</summary>
    private static bool TakeOne(ref int budget)
    {
        while (true)
        {
            var left = Volatile.Read(ref budget);
            if (left <= 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref budget, left - 1, left) == left)
            {
                return true;
            }
        }
    }

    private void Record(HttpContext context, int status)
    {
        lock (_log) { _log.Add(new Entry(DateTime.UtcNow, context.Request.Method, context.Request.Path, status)); }
    }

    public void FailNext(int count, HttpStatusCode status, int? retryAfterSeconds = null)
    {
        _failureStatus = (int)status;
        _retryAfterSeconds = retryAfterSeconds;
        Volatile.Write(ref _failuresLeft, count);
    }

    public static async Task<FaultProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = upstream };
        var proxy = new FaultProxy(app, client);
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.Host = new Uri(address).Authority;
        return proxy;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var delay = TakeOne(ref _delaysLeft) ? _nextDelay : Delay;
        if (delay > TimeSpan.Zero)
        {
            try { await Task.Delay(delay, context.RequestAborted); }
            catch (OperationCanceledException) { Record(context, 0); return; }
        }
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            Interlocked.Increment(ref _injected);
            lock (FailureTimes) { FailureTimes.Add(DateTime.UtcNow); }
            context.Response.StatusCode = _failureStatus;
            if (_retryAfterSeconds is { } after)
            {
                context.Response.Headers.RetryAfter = after.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            Record(context, _failureStatus);
            return;
        }
        Interlocked.Exchange(ref _failuresLeft, 0);

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }
        foreach (var (name, values) in context.Request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!request.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }
        using var response = await _upstream.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        Record(context, (int)response.StatusCode);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                // Location headers point at the upstream; rewrite them to come back through us.
                context.Response.Headers[name] = name.Equals("Location", StringComparison.OrdinalIgnoreCase)
                    ? values.Select(v => v.Replace(_upstream.BaseAddress!.Authority, Host, StringComparison.Ordinal)).ToArray()
                    : values.ToArray();
            }
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
