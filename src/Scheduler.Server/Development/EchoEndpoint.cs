using System.Text;

namespace Scheduler.Server.Development;

/// <summary>The local webhook sink: answers 200 with the request's body (up to 64 KiB) and its content type, and logs
/// the call with the run and attempt it came from, so that the terminal running the Server shows the webhook arrive.</summary>
internal static class EchoEndpoint
{
    private const int MaxBytes = 64 * 1024;

    public static async Task<IResult> HandleAsync(HttpRequest request, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length < MaxBytes && (read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, (int)Math.Min(read, MaxBytes - buffer.Length));
        }

        var runId = request.Headers["X-Scheduler-Run-Id"].ToString();
        var attempt = request.Headers["X-Scheduler-Attempt"].ToString();
        Log.EchoReceived(loggers.CreateLogger(typeof(EchoEndpoint).FullName!), request.Method, buffer.Length,
            runId.Length > 0 ? runId : "none", attempt.Length > 0 ? attempt : "none");
        return Results.Text(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), request.ContentType ?? "text/plain", Encoding.UTF8);
    }
}
