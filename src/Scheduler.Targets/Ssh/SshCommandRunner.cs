using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;
using Scheduler.Core.Runs;

namespace Scheduler.Targets.Ssh;

/// <summary>Runs one command on a connected client and keeps the head and tail of its output.</summary>
internal static class SshCommandRunner
{
    public static async Task<SshCommandRun> RunAsync(SshClient client, string text, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var command = client.CreateCommand(text);
        command.CommandTimeout = timeout;
        var started = time.GetTimestamp();
        string? error = null;
        bool timedOut = false, cancelled = false, broken = false;
        try
        {
            await command.ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SshOperationTimeoutException)
        {
            timedOut = true;
            error = $"timed out after {timeout.TotalSeconds:0.###} s";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            cancelled = true;
            error = "cancelled";
        }
        catch (Exception ex) when (ex is SshException or SocketException or IOException or ObjectDisposedException)
        {
            broken = true;
            error = $"failed because the SSH session broke: {ex.Message}";
        }

        if (command.ExitSignal is { } signal && error is null)
        {
            error = $"was terminated by signal {signal}";
        }

        var result = new CommandResult
        {
            Command = text,
            ExitCode = command.ExitStatus,
            Duration = time.GetElapsedTime(started),
            Stdout = Buffered(command.OutputStream),
            Stderr = Buffered(command.ExtendedOutputStream),
            Error = error,
        };
        return new SshCommandRun(result, timedOut, cancelled, broken);
    }

    /// <summary>
    /// Reads only what the pipe already holds: after a clean exit that is everything (data precedes the channel's close),
    /// and after a timeout a read past it could wait on a channel that never closes.
    /// </summary>
    private static string? Buffered(Stream? stream)
    {
        if (stream is null)
        {
            return null;
        }

        var buffer = new HeadTailBuffer();
        var chunk = new byte[8192];
        long available;
        while ((available = SafeLength(stream)) > 0)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(available, chunk.Length));
            if (read <= 0)
            {
                break;
            }

            buffer.Append(chunk.AsSpan(0, read));
        }

        return buffer.ToExcerpt();
    }

    private static long SafeLength(Stream stream)
    {
        try
        {
            return stream.Length;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }
}
