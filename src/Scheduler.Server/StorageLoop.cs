using Scheduler.Core.Health;
using Scheduler.Core.Resilience;
using Scheduler.Storage;

namespace Scheduler.Server;

/// <summary>The one loop of the Server's storage work (the start, the sweep, the worker's receive): runs a step until the host
/// stops or the step is done. A failed step is described once (<see cref="StorageFaults"/>), marks storage unhealthy (health
/// answers why), is logged as one line (the exception on the first only, <see cref="FailureLog"/>) and waits out
/// <see cref="Backoff.Default"/>, deaf to kicks, so that a busy API cannot hammer a failing store. The first success after
/// failures logs the recovery and marks storage healthy again, before the step's own pause.</summary>
/// <param name="name">What the step does, for the log: "Sweep", "Receiving from the runs queue".</param>
internal sealed class StorageLoop(string name, StorageStatus storage, TimeProvider time, ILogger logger)
{
    /// <summary>Runs <paramref name="step"/> until it answers null (done) or the host stops; after each success, awaits
    /// <paramref name="pause"/> with the wait the step asked for.</summary>
    public async Task RunAsync(Func<CancellationToken, Task<TimeSpan?>> step, Func<TimeSpan, CancellationToken, Task> pause, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan? wait;
            try
            {
                wait = await step(stoppingToken).ConfigureAwait(false);
                if (failures > 0)
                {
                    Log.Recovered(logger, name, failures);
                    storage.Recovered();
                    failures = 0;
                }

                if (wait is not { } next)
                {
                    return;
                }

                await pause(next, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The loop outlives any storage failure: it backs off and tries again; the next round repairs what this one left.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures++;
                var reason = StorageFaults.Describe(ex);
                storage.Failed(reason);
                var backoff = Backoff.Default.After(failures);
                Log.LoopFailed(logger, name, failures, reason, backoff, FailureLog.Once(logger, failures, ex));
                if (!await DelayAsync(backoff, stoppingToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>As <see cref="RunAsync"/>, once storage is ready (<see cref="StorageStatus.WaitReadyAsync"/>).</summary>
    public async Task RunWhenReadyAsync(Func<CancellationToken, Task<TimeSpan?>> step, Func<TimeSpan, CancellationToken, Task> pause, CancellationToken stoppingToken)
    {
        try
        {
            await storage.WaitReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await RunAsync(step, pause, stoppingToken).ConfigureAwait(false);
    }

    private async Task<bool> DelayAsync(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
