using Scheduler.Api.Health;
using Scheduler.Core.Resilience;
using Scheduler.Storage;

namespace Scheduler.Server.Startup;

/// <summary>Creates the tables and queues, waiting for storage as long as it takes: the Server starts listening at once
/// (health answers 503 with the reason meanwhile), retries with <see cref="Backoff.Default"/>, logs one line per try, and
/// opens <see cref="StorageStatus.WaitReadyAsync"/> for the sweep and the worker when storage answers.</summary>
public sealed class StorageStartup(StorageInitializer initializer, StorageClients clients, StorageStatus status, TimeProvider time, ILogger<StorageStartup> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await initializer.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                Log.StorageReady(logger, clients.Options.TablePrefix, clients.Options.RunsQueue);
                status.MarkReady();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Storage that is not there yet is waited for, whatever the failure says.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                var reason = StorageFaults.Describe(ex);
                status.Failed(reason);
                var backoff = Backoff.Default.After(attempt);
                Log.StorageNotReady(logger, attempt, reason, backoff, FailureLog.Once(logger, attempt, ex));
                try
                {
                    await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
