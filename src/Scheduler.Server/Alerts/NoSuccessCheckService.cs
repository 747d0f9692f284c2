using Scheduler.Core.Alerts;
using Scheduler.Core.Health;

namespace Scheduler.Server.Alerts;

/// <summary>Runs the <see cref="NoSuccessCheck"/> every <see cref="AlertOptions.DeadlineCheckInterval"/> once storage is ready, in
/// the <see cref="StorageLoop"/>. Every Server instance runs it: two passes at once decide each deadline once (the state's ETag),
/// and the receiver drops a repeated delivery by its id.</summary>
public sealed class NoSuccessCheckService(NoSuccessCheck check, AlertOptions options, StorageStatus storage, TimeProvider time, ILogger<NoSuccessCheckService> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Alert deadlines", storage, time, logger).RunWhenReadyAsync(PassAsync, (wait, ct) => Task.Delay(wait, time, ct), stoppingToken);

    private async Task<TimeSpan?> PassAsync(CancellationToken stoppingToken)
    {
        await check.RunAsync(stoppingToken).ConfigureAwait(false);
        return options.DeadlineCheckInterval;
    }
}
