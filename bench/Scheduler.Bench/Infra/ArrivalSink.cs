using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Bench.Infra;

/// <summary>A webhook on loopback that answers 200 at once and records when each path arrived, every time.</summary>
internal sealed class ArrivalSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> arrivals = new(StringComparer.Ordinal);

    private ArrivalSink(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<DateTimeOffset> For(string path) => arrivals.TryGetValue(path, out var times) ? times.ToList() : [];

    public static async Task<ArrivalSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new ArrivalSink(app);
        app.Run(context =>
        {
            sink.arrivals.GetOrAdd(context.Request.Path.Value ?? "/", _ => new()).Enqueue(DateTimeOffset.UtcNow);
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        sink.BaseUrl = app.Urls.First().TrimEnd('/');
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
