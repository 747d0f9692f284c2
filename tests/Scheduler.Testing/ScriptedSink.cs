using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Testing;

/// <summary>A real HTTP endpoint on a free loopback port that records every request and answers as its path says (see
/// <see cref="SinkScript"/>), or as <see cref="Respond"/> says when a test sets it. It tracks peak concurrency.</summary>
public sealed class ScriptedSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkHit> hits = new();
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource firstHit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;
    private int inFlight;
    private int peak;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public int Port => BaseAddress.Port;
    public int PeakConcurrency => Volatile.Read(ref peak);

    /// <summary>Requests being answered now (a request its caller aborted ends at once: every wait honours RequestAborted).</summary>
    public int InFlight => Volatile.Read(ref inFlight);
    public IReadOnlyList<SinkHit> Hits => hits.ToList();

    /// <summary>Completes when the first request has been recorded.</summary>
    public Task FirstHit => firstHit.Task;

    /// <summary>When set, answers every request instead of the path's script (the request is recorded first).</summary>
    public Func<HttpContext, Task>? Respond { get; set; }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Map("/{**path}", HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>The URL of a path on this sink, e.g. <c>Url("fail/job-1")</c>.</summary>
    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public IReadOnlyList<SinkHit> For(string path) => hits.Where(h => h.Path == "/" + path.TrimStart('/')).ToList();

    /// <summary>Answers every request held by a <c>hold</c> path, and every later one at once.</summary>
    public void Release() => release.TrySetResult();

    /// <summary>Answers with a status, a text body and headers (for <see cref="Respond"/>).</summary>
    public static async Task Reply(HttpContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var current = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref peak, current);
        try
        {
            var path = context.Request.Path.Value ?? "/";
            await RecordAsync(context, path, now).ConfigureAwait(false);
            if (Respond is { } respond)
            {
                await respond(context).ConfigureAwait(false);
                return;
            }

            var script = SinkScript.For(path, seen.AddOrUpdate(path, 1, (_, n) => n + 1));
            await Task.Delay(script.Delay, context.RequestAborted).ConfigureAwait(false);
            if (script.Hold)
            {
                await release.Task.WaitAsync(context.RequestAborted).ConfigureAwait(false);
            }

            await Reply(context, script.Status, script.Status < 400 ? "ok" : "boom").ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    private async Task RecordAsync(HttpContext context, string path, DateTimeOffset now)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        hits.Enqueue(new SinkHit(context.Request.Method, path, now, headers, body, context.Request.QueryString.Value ?? ""));
        firstHit.TrySetResult();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seenValue;
        while (value > (seenValue = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seenValue) != seenValue)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        release.TrySetResult();
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync().ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }
}
