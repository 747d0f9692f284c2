using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Scheduler.Testing;

namespace Scheduler.Bench.Peers;

/// <summary>The one HTTP sink every system calls: <c>POST /hit/{id}?due={unix ms}</c>. It records arrival minus due time
/// (negative = early), the most requests in flight at once, and repeats; it can hold each request to make runs take time.</summary>
internal sealed class ArrivalSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, double> firstLateness = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<DateTimeOffset> arrivals = new();
    private int inFlight;
    private int maxInFlight;
    private int repeats;

    private ArrivalSink(WebApplication app, int port)
    {
        this.app = app;
        Port = port;
    }

    public int Port { get; }
    public int HoldMs { get; set; }
    public int Count => firstLateness.Count;
    public int MaxInFlight => Volatile.Read(ref maxInFlight);
    public int Repeats => Volatile.Read(ref repeats);
    public IReadOnlyCollection<double> LatenessMs => firstLateness.Values.ToList();
    public DateTimeOffset? LastArrival => arrivals.IsEmpty ? null : arrivals.Max();

    public string UrlFor(string id, DateTimeOffset due) =>
        string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/hit/{id}?due={due.ToUnixTimeMilliseconds()}");

    public static async Task<ArrivalSink> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ArrivalSink(app, port);
        app.MapPost("/hit/{id}", (Delegate)sink.HitAsync);
        await app.StartAsync();
        return sink;
    }

    public void Reset(int holdMs)
    {
        firstLateness.Clear();
        arrivals.Clear();
        HoldMs = holdMs;
        Volatile.Write(ref maxInFlight, 0);
        Volatile.Write(ref repeats, 0);
    }

    public async Task<bool> WaitForAsync(int count, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (Count < count && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(50);
        }

        return Count >= count;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task<IResult> HitAsync(string id, long due)
    {
        var now = DateTimeOffset.UtcNow;
        var current = Interlocked.Increment(ref inFlight);
        try
        {
            int seen;
            while ((seen = Volatile.Read(ref maxInFlight)) < current && Interlocked.CompareExchange(ref maxInFlight, current, seen) != seen)
            {
            }

            var lateness = (now - DateTimeOffset.FromUnixTimeMilliseconds(due)).TotalMilliseconds;
            if (firstLateness.TryAdd(id, lateness))
            {
                arrivals.Enqueue(now);
            }
            else
            {
                Interlocked.Increment(ref repeats);
            }

            if (HoldMs > 0)
            {
                await Task.Delay(HoldMs);
            }

            return Results.Ok();
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }
}
