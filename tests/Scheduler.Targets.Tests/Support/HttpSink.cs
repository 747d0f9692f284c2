using System.Collections.Concurrent;
using System.Net;

namespace Scheduler.Targets.Tests.Support;

/// <summary>A real HTTP server on a free loopback port that records every request and answers as a test tells it.</summary>
public sealed class HttpSink : IDisposable
{
    private readonly HttpListener listener;
    private readonly Task loop;
    private readonly CancellationTokenSource stop = new();

    public HttpSink(Func<HttpListenerContext, Task>? respond = null)
    {
        Respond = respond ?? (ctx => Reply(ctx, 200, "ok"));
        for (var tries = 0; ; tries++)
        {
            Port = FreePort.Next();
            listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                listener.Start();
                break;
            }
            catch (HttpListenerException) when (tries < 5)
            {
                listener.Close();
            }
        }

        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/hook";

    public Func<HttpListenerContext, Task> Respond { get; set; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Completes when the first request has been recorded.</summary>
    public TaskCompletionSource FirstRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task Reply(HttpListenerContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        loop.ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromSeconds(5));
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.PathAndQuery, headers, body));
            FirstRequest.TrySetResult();
            await Respond(context);
        }
        catch (Exception ex) when (ex is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The client went away (a timeout test); nothing to record.
        }
    }
}
