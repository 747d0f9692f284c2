using System.Diagnostics;

namespace Scheduler.Testing;

/// <summary>A process a test starts (Azurite, the Server, a script): its output is kept for assertions and error messages,
/// and it is stopped by its PID: SIGTERM, then a kill of its whole tree after <c>grace</c> (at once when grace is zero).</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TimeSpan _grace;
    private readonly List<string> _lines = [];

    private ChildProcess(Process process, TimeSpan grace)
    {
        _process = process;
        _grace = grace;
    }

    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Every line the process printed so far, standard output and error interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public string Output => string.Join(Environment.NewLine, Lines);

    private string Name => string.Join(' ', [_process.StartInfo.FileName, .. _process.StartInfo.ArgumentList]);

    /// <summary>Starts <paramref name="info"/> with its output redirected (the other settings are the caller's).</summary>
    public static ChildProcess Start(ProcessStartInfo info, TimeSpan grace)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {info.FileName}.");
        var child = new ChildProcess(process, grace);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until a line holds <paramref name="text"/>; fails with the output when the process exits or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        bool printed;
        try
        {
            printed = await Eventually.GetAsync(
                () => Task.FromResult(Lines.Any(l => l.Contains(text, StringComparison.Ordinal))),
                found => found || HasExited,
                timeout,
                TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{Name} did not print '{text}' within {timeout}:{Environment.NewLine}{Output}", e);
        }

        if (printed)
        {
            return;
        }

        // It exited: once its output is drained (WaitForExitAsync waits for the end of both streams), the line may be there after all.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        if (!Lines.Any(l => l.Contains(text, StringComparison.Ordinal)))
        {
            throw new InvalidOperationException($"{Name} exited before printing '{text}':{Environment.NewLine}{Output}");
        }
    }

    public Task SignalAsync(string signal) => Signals.SendAsync(_process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task StopAsync()
    {
        if (_grace > TimeSpan.Zero && !OperatingSystem.IsWindows())
        {
            try
            {
                await SignalAsync("TERM").ConfigureAwait(false);
                using var grace = new CancellationTokenSource(_grace);
                await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException)
            {
                // It exited between the check and the signal.
            }
            catch (OperationCanceledException)
            {
                // It ignored SIGTERM for the whole grace period (Azurite during its queue clean-up, a stuck script): kill it.
            }
        }

        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().ConfigureAwait(false);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Add(line);
        }
    }
}
