using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Command;

/// <summary>
/// Runs a program on this host (run only where <see cref="TargetExecutorRegistry"/> enables command targets). A non-zero exit fails the attempt as retryable (the retry policy
/// decides); a timeout or cancellation kills the whole process tree.
/// </summary>
public sealed class CommandTargetExecutor(IOptions<CommandTargetOptions> options, TimeProvider time, ILogger<CommandTargetExecutor> logger) : ITargetExecutor
{
    /// <summary>How long output may keep flowing after the program exits (a background child holding the pipe).</summary>
    private static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(2);

    public string Kind => TargetKinds.Command;

    public async Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        var spec = invocation.Definition.Target as CommandTargetSpec
            ?? throw new ArgumentException($"Job {invocation.JobId}: the command executor got a '{invocation.Definition.Target.Kind}' target.", nameof(invocation));
        var line = CommandLine.Create(spec, options.Value);
        if (line.StartInfo is null)
        {
            return NotStarted(line.Display, line.Error!);
        }

        using var process = new Process { StartInfo = line.StartInfo };
        var started = time.GetTimestamp();
        if (Start(process) is { } startError)
        {
            return NotStarted(line.Display, $"could not start: {startError}");
        }

        var stdout = new HeadTailBuffer();
        var stderr = new HeadTailBuffer();
        using var stopPumps = new CancellationTokenSource();
        var pumps = Task.WhenAll(Pump(stdout, process.StandardOutput.BaseStream, stopPumps.Token), Pump(stderr, process.StandardError.BaseStream, stopPumps.Token));
        var ending = await WaitOrKillAsync(process, line.OwnProcessGroup, invocation, cancellationToken).ConfigureAwait(false);
        if (!await Drained(pumps).ConfigureAwait(false))
        {
            await stopPumps.CancelAsync().ConfigureAwait(false);
        }

        if (ending == Ending.Canceled)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return Outcome(new CommandResult
        {
            Command = line.Display,
            ExitCode = ending == Ending.Exited ? process.ExitCode : null,
            Duration = time.GetElapsedTime(started),
            Stdout = stdout.ToExcerpt(),
            Stderr = stderr.ToExcerpt(),
            Error = ending == Ending.Exited ? null : AttemptResult.TimedOutAfter(invocation.Definition.Timeout, "process tree killed").Error,
        });
    }

    /// <summary>Null when the process started (its input closed: a command reads nothing), else why not.</summary>
    private static string? Start(Process process)
    {
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            return ex.Message;
        }

        process.StandardInput.Close();
        return null;
    }

    /// <summary>Waits for the exit until the attempt's deadline or a cancel; then kills the whole process tree.</summary>
    private async Task<Ending> WaitOrKillAsync(Process process, bool ownProcessGroup, AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        using var deadline = new AttemptDeadline(invocation.Definition.Timeout, time, cancellationToken);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            return Ending.Exited;
        }
        catch (OperationCanceledException)
        {
            var timedOut = deadline.TimedOut;
            ProcessTree.Kill(process, ownProcessGroup);
            Log.CommandKilled(logger, invocation.RunId, process.Id, timedOut);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return timedOut ? Ending.TimedOut : Ending.Canceled;
        }
    }

    private static AttemptResult Outcome(CommandResult result) => result switch
    {
        { Error: { } timeout } => new AttemptResult { Status = AttemptStatus.TimedOut, Retryable = true, Error = timeout, Commands = [result] },
        { ExitCode: 0 } => new AttemptResult { Status = AttemptStatus.Succeeded, ExitCode = 0, Commands = [result] },
        _ => new AttemptResult { Status = AttemptStatus.Failed, Retryable = true, ExitCode = result.ExitCode, Error = $"exit code {result.ExitCode}", Commands = [result] },
    };

    private static AttemptResult NotStarted(string display, string error) =>
        AttemptResult.Failure(error, retryable: false) with { Commands = [new CommandResult { Command = display, Error = error }] };

    private static async Task<bool> Drained(Task pumps)
    {
        try
        {
            await pumps.WaitAsync(DrainGrace).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static async Task Pump(HeadTailBuffer buffer, Stream stream, CancellationToken cancellationToken)
    {
        try
        {
            await buffer.PumpAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipe closed under us, or we stopped waiting for it: what was read is what the excerpt holds.
        }
    }

    private enum Ending
    {
        Exited,
        TimedOut,
        Canceled,
    }
}
