using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Testing;

/// <summary>A real HTTP endpoint on loopback that records every request and answers as its path says:
/// <c>/ok/..</c> 200; <c>/status/{code}/..</c> that code; <c>/flaky/{n}/..</c> 500 for the first n requests then 200;
/// <c>/slow/{ms}/..</c> 200 after a delay; <c>/hold/..</c> waits until <see cref="Release"/>. It tracks peak concurrency.</summary>
public sealed class ScriptedSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<SinkHit> hits = new();
    private readonly ConcurrentDictionary<string, int> seen = new(StringComparer.Ordinal);
    private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? app;
    private int inFlight;
    private int peak;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");
    public int PeakConcurrency => Volatile.Read(ref peak);

    /// <summary>Requests being answered now (a request its caller aborted ends at once: every wait honours RequestAborted).</summary>
    public int InFlight => Volatile.Read(ref inFlight);
    public IReadOnlyList<SinkHit> Hits => hits.ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Map("/{**path}", HandleAsync);
        await app.StartAsync();
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    public string Url(string path) => new Uri(BaseAddress, path).ToString();

    public IReadOnlyList<SinkHit> For(string path) => hits.Where(h => h.Path == "/" + path).ToList();

    public void Release() => release.TrySetResult();

    private async Task HandleAsync(HttpContext context)
    {
        var now = DateTimeOffset.UtcNow;
        var current = Interlocked.Increment(ref inFlight);
        InterlockedMax(ref peak, current);
        try
        {
            var path = context.Request.Path.Value ?? "/";
            hits.Enqueue(new SinkHit(path, now, context.Request.Headers["Idempotency-Key"].ToString(), context.Request.Headers["X-Scheduler-Attempt"].ToString()));
            var parts = path.Trim('/').Split('/');
            var count = seen.AddOrUpdate(path, 1, (_, n) => n + 1);
            context.Response.StatusCode = parts[0] switch
            {
                "status" => int.Parse(parts[1], CultureInfo.InvariantCulture),
                "flaky" => count <= int.Parse(parts[1], CultureInfo.InvariantCulture) ? 500 : 200,
                _ => 200,
            };
            if (parts[0] == "slow")
            {
                await Task.Delay(int.Parse(parts[1], CultureInfo.InvariantCulture), context.RequestAborted);
            }
            else if (parts[0] == "hold")
            {
                await release.Task.WaitAsync(context.RequestAborted);
            }

            await context.Response.WriteAsync("done", context.RequestAborted);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
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
            await running.StopAsync();
            await running.DisposeAsync();
        }
    }
}
