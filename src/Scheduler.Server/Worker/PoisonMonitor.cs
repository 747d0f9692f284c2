using Microsoft.Extensions.Options;
using Scheduler.Core.Health;
using Scheduler.Storage;
using Scheduler.Core.Telemetry;
using Scheduler.Storage.Queues;

namespace Scheduler.Server.Worker;

/// <summary>Records the poison queue's approximate depth (<c>scheduler.queue.poison_depth</c>) every <see cref="WorkerOptions.PoisonCheckInterval"/>.</summary>
public sealed class PoisonMonitor(RunQueueReceiver queue, StorageStatus storage, TimeProvider time, IOptions<WorkerOptions> options, ILogger<PoisonMonitor> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await storage.WaitReadyAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.PoisonCheckInterval, time);
        do
        {
            try
            {
                var depth = await queue.ApproximateCountAsync(poison: true, stoppingToken).ConfigureAwait(false);
                SchedulerTelemetry.PoisonDepth.Record(depth);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A missed sample is logged; the next one follows a minute later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.PoisonDepthFailed(logger, StorageFaults.Describe(ex));
            }
        }
        while (await Next(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
