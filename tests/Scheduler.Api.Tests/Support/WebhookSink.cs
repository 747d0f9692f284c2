using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Api.Tests.Support;

/// <summary>A real HTTP endpoint on loopback that records what the scheduler sends. Paths starting with <c>/fail</c> answer 500,
/// paths starting with <c>/slow</c> answer 200 after <see cref="SlowDelay"/>, others 200 at once.</summary>
public sealed class WebhookSink : IAsyncDisposable
{
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(3);

    private readonly ConcurrentQueue<SinkRequest> requests = new();
    private WebApplication? app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Map("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var path = context.Request.Path.Value ?? "/";
            requests.Enqueue(new SinkRequest(context.Request.Method, path, context.Request.Headers["Idempotency-Key"].ToString(),
                context.Request.Headers["X-Scheduler-Attempt"].ToString(), body));
            if (path.StartsWith("/slow", StringComparison.Ordinal))
            {
                await Task.Delay(SlowDelay, context.RequestAborted);
            }

            context.Response.StatusCode = path.StartsWith("/fail", StringComparison.Ordinal) ? 500 : 200;
            await context.Response.WriteAsync(path.StartsWith("/fail", StringComparison.Ordinal) ? "boom" : "ok", context.RequestAborted);
        });
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>The URL of a path on this sink, e.g. <c>Url("ok/job-1")</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public IReadOnlyList<SinkRequest> For(string path) => requests.Where(r => r.Path == "/" + path).ToList();

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
