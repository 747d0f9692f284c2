using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Scheduler.Bench.Infra;

/// <summary>A webhook on loopback that answers 200 at once and counts what it receives.</summary>
internal sealed class NoopSink : IAsyncDisposable
{
    private readonly WebApplication app;
    private long received;

    private NoopSink(WebApplication app) => this.app = app;

    public long Received => Interlocked.Read(ref received);

    public string Url { get; private set; } = "";

    public static async Task<NoopSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new NoopSink(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref sink.received);
            context.Response.StatusCode = 200;
            return Task.CompletedTask;
        });
        await app.StartAsync();
        sink.Url = app.Urls.First().TrimEnd('/') + "/hook";
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
