using Scheduler.Storage.Queues;

namespace Scheduler.Server.Worker;

/// <summary>Keeps a received message hidden while its run is processed, by renewing its visibility on a timer, and then
/// settles it (delete, hide until later, hand back). The pop receipt changes with every update; this holds the current one.</summary>
internal sealed class MessageLease : IAsyncDisposable
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);
    private readonly RunQueueReceiver queue;
    private readonly ILogger logger;
    private readonly CancellationTokenSource renewing = new();
    private readonly Task renewal;
    private ReceivedRun current;
    private bool lost;

    public MessageLease(RunQueueReceiver queue, ReceivedRun received, WorkerOptions options, TimeProvider time, ILogger logger)
    {
        this.queue = queue;
        this.logger = logger;
        current = received;
        renewal = RenewAsync(options.RenewInterval, options.VisibilityTimeout, time);
    }

    public ReceivedRun Message => current;

    public Task DeleteAsync() => SettleAsync(async token => await queue.DeleteAsync(current, token).ConfigureAwait(false));

    /// <summary>Hides the message for <paramref name="delay"/> (clamped below 7 days by the receiver); zero hands it back now.</summary>
    public Task HideAsync(TimeSpan delay) => SettleAsync(async token => await queue.UpdateVisibilityAsync(current, delay, token).ConfigureAwait(false) is not null);

    public Task PoisonAsync() => SettleAsync(async token => await queue.MoveToPoisonAsync(current, token).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        renewing.Dispose();
    }

    private async Task SettleAsync(Func<CancellationToken, Task<bool>> settle)
    {
        await StopAsync().ConfigureAwait(false);
        if (lost)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CallTimeout);
        try
        {
            if (!await settle(timeout.Token).ConfigureAwait(false))
            {
                Log.LeaseLost(logger, current.Message.RunId);
            }
        }
#pragma warning disable CA1031 // Settling is best effort: an unsettled message reappears when its visibility ends, and runs are idempotent.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.MessageUpdateFailed(logger, current.Message.RunId, Scheduler.Storage.StorageFaults.Describe(ex));
        }
    }

    private async Task StopAsync()
    {
        if (!renewing.IsCancellationRequested)
        {
            await renewing.CancelAsync().ConfigureAwait(false);
        }

        await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task RenewAsync(TimeSpan interval, TimeSpan visibility, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(renewing.Token).ConfigureAwait(false))
            {
                try
                {
                    // Not cancelled by Stop: an update that reached the queue must hand us its receipt, or the settle that follows fails.
                    using var timeout = new CancellationTokenSource(CallTimeout);
                    var receipt = await queue.UpdateVisibilityAsync(current, visibility, timeout.Token).ConfigureAwait(false);
                    if (receipt is null)
                    {
                        lost = true;
                        Log.LeaseLost(logger, current.Message.RunId);
                        return;
                    }

                    current = current with { PopReceipt = receipt };
                }
#pragma warning disable CA1031 // A missed renewal is retried at the next tick; the visibility timeout leaves room for two.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    Log.MessageUpdateFailed(logger, current.Message.RunId, Scheduler.Storage.StorageFaults.Describe(ex));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped: the run is done and the message is about to be settled.
        }
    }
}
