using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Scheduler.Api.Health;
using Scheduler.Core.Resilience;
using Scheduler.Server.Sweep;
using Scheduler.Storage;
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
    private long started;
    // UTC ticks at which the current idle wait ends; long.MinValue while not idle.
    private long idleUntil = long.MinValue;

    /// <summary>Runs being processed right now.</summary>
    public int InFlight => inFlight.Count;

    /// <summary>While the worker waits with nothing received: when it receives again unless woken first; null otherwise.</summary>
    public DateTimeOffset? IdleUntilUtc => Interlocked.Read(ref idleUntil) is var ticks && ticks != long.MinValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var receiveFailures = 0;
        var idle = new IdlePollBackoff(settings.IdlePollInterval, settings.MaxIdlePollInterval);
        try
        {
            await storage.WaitReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.Zero;
            var idleWait = false;
            var taken = 0;
            try
            {
                await processingPermits.WaitAsync(stoppingToken).ConfigureAwait(false);
                taken = 1;
                while (taken < RunQueueReceiver.MaxBatch && processingPermits.Wait(0, CancellationToken.None))
                {
                    taken++;
                }

                var received = await queue.ReceiveAsync(taken, settings.VisibilityTimeout, stoppingToken).ConfigureAwait(false);
                if (receiveFailures > 0)
                {
                    Log.Recovered(logger, "Receiving from the runs queue", receiveFailures);
                    storage.Recovered();
                    receiveFailures = 0;
                }

                foreach (var message in received)
                {
                    taken--;
                    Start(message);
                }

                if (received.Count > 0)
                {
                    idle.Reset();
                }
                else
                {
                    wait = idle.Next();
                    idleWait = true;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Receiving must survive storage failures; it backs off and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                receiveFailures++;
                var reason = StorageFaults.Describe(ex);
                storage.Failed(reason);
                wait = Backoff.Default.After(receiveFailures);
                Log.ReceiveFailed(logger, receiveFailures, reason, wait, FailureLog.Once(logger, receiveFailures, ex));
            }
            finally
            {
                if (taken > 0)
                {
                    processingPermits.Release(taken);
                }
            }

            if (wait > TimeSpan.Zero)
            {
                try
                {
                    if (!idleWait)
                    {
                        await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
                    }
                    else if (await IdleAsync(wait, stoppingToken).ConfigureAwait(false))
                    {
                        idle.Reset();
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
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

    /// <summary>True when woken before <paramref name="wait"/> was over.</summary>
    private async Task<bool> IdleAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        Interlocked.Exchange(ref idleUntil, (time.GetUtcNow() + wait).UtcTicks);
        try
        {
            return await wake.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
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
