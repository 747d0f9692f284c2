using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.InProcess;
using Scheduler.Server.Sweep;

namespace Scheduler.Server.Worker;

/// <summary>The Server's <see cref="IRunLauncher"/>: decides whether a run this Server's sweep dispatched runs in this process, up to <see cref="WorkerOptions.InProcessRuns"/> at once:
/// no queue send, receive, visibility renewal or delete per run, and no poll between dispatch and start. A finished run wakes
/// the sweep when rows wait for a slot, so freed capacity is used at once. On shutdown, runs under way finish within the host's shutdown time; those still going then are handed to the queue.</summary>
public sealed class InProcessRunLauncher(InProcessWorkflow workflow, SweepSignal signal, IOptions<WorkerOptions> options, ILogger<InProcessRunLauncher> logger)
    : IRunLauncher, IHostedService, IDisposable
{
    private readonly int capacity = options.Value.InProcessRuns;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, Task> running = new(StringComparer.Ordinal);
    private static readonly TimeSpan HandBackTime = TimeSpan.FromSeconds(15);
    private int count;
    private int closed;
    private int disposed;

    public IRunLaunch? TryReserve()
    {
        if (Volatile.Read(ref disposed) != 0 || Volatile.Read(ref closed) != 0 || Interlocked.Increment(ref count) > capacity)
        {
            Interlocked.Decrement(ref count);
            return null;
        }

        return new RunLaunch(Launch, () => Interlocked.Decrement(ref count));
    }

    /// <summary>Runs a run it reserved room for. Reserved before a stop began, it runs even if the stop began since (the run is
    /// stored as launched): a stop hands it back to the queue as any run under way.</summary>
    private void Launch(Run run)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        running[run.RunId] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(run).ConfigureAwait(false);
            }
            finally
            {
                running.TryRemove(run.RunId, out _);
                Interlocked.Decrement(ref count);
                signal.SlotFreed();
                done.SetResult();
            }
        });
    }

    public bool LaunchesInProcess => capacity > 0;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref disposed) != 0)
        {
            // The container disposed it first (a host torn down without a graceful stop): nothing is left to hand back.
            return;
        }

        // As the queue worker does: no new run starts here, and the runs under way finish within the host's shutdown time.
        // Whatever is still going when that time is up is canceled and handed to the queue.
        Volatile.Write(ref closed, 1);
        await Task.WhenAll(running.Values).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await stopping.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the runs were given their time (a host torn down past its shutdown time): Dispose canceled them.
        }

        await Task.WhenAll(running.Values).WaitAsync(HandBackTime, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 0)
        {
            stopping.Cancel();
            stopping.Dispose();
        }
    }

#pragma warning disable CA1031 // A failure here must not lose the run: it goes back to the queue, and failing that the slot lease recovers it.
    private async Task RunAsync(Run run)
    {
        try
        {
            await workflow.RunLaunchedAsync(run, stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log.InProcessRunHandedBack(logger, run.RunId, ex);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await workflow.HandBackAsync(run, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception sendFailed)
            {
                Log.MessageUpdateFailed(logger, run.RunId, Scheduler.Storage.StorageFaults.Describe(sendFailed));
            }
        }
    }
#pragma warning restore CA1031
}
