using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Scheduler.Testing;

/// <summary>A real HTTP endpoint standing in for Application Insights ingestion: the Azure Monitor exporter posts gzip'd,
/// newline-delimited JSON envelopes to <c>{IngestionEndpoint}/v2.1/track</c>; this records each one (<see cref="TelemetryItem"/>)
/// and the bytes of each post, and accepts them all. Point a host at it with <see cref="ConnectionString"/>.</summary>
public sealed class IngestionSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<TelemetryItem> items = new();
    private WebApplication? app;
    private long wireBytes;
    private long posts;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>An Application Insights connection string whose ingestion endpoint is this sink.</summary>
    public string ConnectionString => $"InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint={BaseAddress}";

    public IReadOnlyList<TelemetryItem> Items => items.ToList();

    /// <summary>Bytes received as sent (compressed), over all posts.</summary>
    public long WireBytes => Interlocked.Read(ref wireBytes);

    public long Posts => Interlocked.Read(ref posts);

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.MapPost("/v2.1/track", TrackAsync);
        await app.StartAsync().ConfigureAwait(false);
        BaseAddress = new Uri(app.Urls.First().TrimEnd('/') + "/");
    }

    /// <summary>Items whose time falls in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public IReadOnlyList<TelemetryItem> Between(DateTimeOffset from, DateTimeOffset to) =>
        items.Where(i => i.Time >= from && i.Time < to).ToList();

    private async Task TrackAsync(HttpContext context)
    {
        using var raw = new MemoryStream();
        await context.Request.Body.CopyToAsync(raw, context.RequestAborted).ConfigureAwait(false);
        Interlocked.Add(ref wireBytes, raw.Length);
        Interlocked.Increment(ref posts);
        raw.Position = 0;
        var gzip = context.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase);
        await using Stream body = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        using var reader = new StreamReader(body, Encoding.UTF8);
        var count = 0;
        while (await reader.ReadLineAsync(context.RequestAborted).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var envelope = JsonNode.Parse(line)!.AsObject();
            var baseType = envelope["data"]?["baseType"]?.GetValue<string>() ?? envelope["name"]?.GetValue<string>() ?? "";
            var time = DateTimeOffset.Parse(envelope["time"]!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            items.Enqueue(new TelemetryItem(baseType, time, Encoding.UTF8.GetByteCount(line), envelope));
            count++;
        }

        // What ingestion answers: every item accepted (the exporter would otherwise keep them for a retry).
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            JsonSerializer.Serialize(new { itemsReceived = count, itemsAccepted = count, errors = Array.Empty<object>() }),
            context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref app, null) is { } running)
        {
            await running.StopAsync().ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }
}
