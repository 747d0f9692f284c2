using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.EndToEnd;

/// <summary>A real webhook receiver on a free loopback port. A path containing <c>slow</c> answers after 4 s, one containing
/// <c>fail</c> answers 500, anything else 200; the body is a small JSON echo of the path. Every request is recorded.</summary>
public sealed class HttpSink : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(4);
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<SinkRequest> _requests = new();

    private HttpSink(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public IReadOnlyCollection<SinkRequest> Requests => [.. _requests];

    public Uri Url(string path) => new(BaseUrl, path.TrimStart('/'));

    public int CountFor(string path) => _requests.Count(r => r.Path == "/" + path.TrimStart('/'));

    public static async Task<HttpSink> StartAsync()
    {
        var port = Scheduler.Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var app = builder.Build();
        var sink = new HttpSink(app, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        app.Run(sink.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        return sink;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        _requests.Enqueue(new SinkRequest(context.Request.Method, path, body, context.Request.Headers["X-Scheduler-Attempt"].ToString()));
        if (path.Contains("slow", StringComparison.Ordinal))
        {
            await Task.Delay(SlowDelay, context.RequestAborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = path.Contains("fail", StringComparison.Ordinal) ? 500 : 200;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($"{{\"received\":\"{path}\",\"status\":{context.Response.StatusCode}}}", context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>One request the sink received.</summary>
public sealed record SinkRequest(string Method, string Path, string Body, string Attempt);
