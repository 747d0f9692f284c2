using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scheduler.Core.Health;
using Scheduler.Server.Sweep;
using Scheduler.Storage.Queues;

namespace Scheduler.Server.Worker;

/// <summary>Receives run messages and processes them with bounded parallelism. A finished run deletes its message, a
/// suspended one hides it until the run resumes, a failing one is retried and poisoned after <see cref="WorkerOptions.MaxFailures"/>.
/// With nothing to receive it polls less and less often (<see cref="IdlePollBackoff"/>), and is woken when this process makes a
/// message visible (<see cref="RunQueueWake"/>). On shutdown it stops receiving, lets runs in flight finish within the host's shutdown timeout and hands back the rest.</summary>
public sealed class RunWorker(
    RunQueueReceiver queue, RunMessageHandler handler, SweepSignal signal, RunQueueWake wake, StorageStatus storage, TimeProvider time,
    IOptions<WorkerOptions> options, ILogger<RunWorker> logger)
    : BackgroundService
{
    private readonly WorkerOptions settings = options.Value;
    private readonly CancellationTokenSource abort = new();
    private readonly ConcurrentDictionary<long, Task> inFlight = new();
    // Messages this worker may process at once (Worker:Parallelism): not the budget's slots, which the sweep and attempts take.
    private readonly SemaphoreSlim processingPermits = new(options.Value.Parallelism, options.Value.Parallelism);
    private readonly IdlePollBackoff idle = new(options.Value.IdlePollInterval, options.Value.MaxIdlePollInterval);
    private long started;
    // UTC ticks at which the current idle wait ends; long.MinValue while not idle.
    private long idleUntil = long.MinValue;

    /// <summary>Runs being processed right now.</summary>
    public int InFlight => inFlight.Count;

    /// <summary>While the worker waits with nothing received: when it receives again unless woken first; null otherwise.</summary>
    public DateTimeOffset? IdleUntilUtc => Interlocked.Read(ref idleUntil) is var ticks && ticks != long.MinValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Receiving from the runs queue", storage, time, logger).RunWhenReadyAsync(ReceiveAsync, IdleAsync, stoppingToken);

    /// <summary>Takes the processing permits free (waiting for one), receives up to that many messages and starts them; answers
    /// how long to idle before receiving again (none after a receive that brought something).</summary>
    private async Task<TimeSpan?> ReceiveAsync(CancellationToken stoppingToken)
    {
        await processingPermits.WaitAsync(stoppingToken).ConfigureAwait(false);
        var taken = 1;
        try
        {
            while (taken < RunQueueReceiver.MaxBatch && processingPermits.Wait(0, CancellationToken.None))
            {
                taken++;
            }

            var received = await queue.ReceiveAsync(taken, settings.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
            foreach (var message in received)
            {
                taken--;
                Start(message);
            }

            if (received.Count == 0)
            {
                return idle.Next();
            }

            idle.Reset();
            return TimeSpan.Zero;
        }
        finally
        {
            if (taken > 0)
            {
                processingPermits.Release(taken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await Task.WhenAll(inFlight.Values).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout is over: stop the runs still going; their messages go back to the queue.
            Log.HandedBack(logger, inFlight.Count);
            await abort.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(inFlight.Values).WaitAsync(TimeSpan.FromSeconds(20), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public override void Dispose()
    {
        abort.Dispose();
        processingPermits.Dispose();
        base.Dispose();
    }

    /// <summary>Idles for <paramref name="wait"/> unless this process wakes it first (then the poll backs off from the start again).</summary>
    private async Task IdleAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        Interlocked.Exchange(ref idleUntil, (time.GetUtcNow() + wait).UtcTicks);
        try
        {
            if (await wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false))
            {
                idle.Reset();
            }
        }
        finally
        {
            Interlocked.Exchange(ref idleUntil, long.MinValue);
        }
    }

    private void Start(ReceivedRun message)
    {
        // Registered before the work starts, so that a quick run cannot finish before it is tracked.
        var key = Interlocked.Increment(ref started);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inFlight[key] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await handler.HandleAsync(message, abort.Token).ConfigureAwait(false);
            }
            finally
            {
                inFlight.TryRemove(key, out _);
                processingPermits.Release();
                signal.SlotFreed();
                done.SetResult();
            }
        });
    }
}
