using Scheduler.Core.Health;
using Scheduler.Core.Retention;

namespace Scheduler.Server.Retention;

/// <summary>Runs the <see cref="RetentionPass"/> every <see cref="RetentionOptions.Interval"/> once storage is ready, in the
/// <see cref="StorageLoop"/>. A pass that stopped at its budget is followed by the next one after <see cref="BacklogPause"/>
/// at most, so a backlog (a first start over years of runs) is worked off a bounded pass at a time. Every Server instance runs
/// it: two passes at once only read the same rows twice (what one deletes the other skips).</summary>
public sealed class RetentionService(RetentionPass pass, RetentionOptions options, StorageStatus storage, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    public static readonly TimeSpan BacklogPause = TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new StorageLoop("Retention", storage, time, logger).RunWhenReadyAsync(PassAsync, (wait, ct) => Task.Delay(wait, time, ct), stoppingToken);

    private async Task<TimeSpan?> PassAsync(CancellationToken stoppingToken)
    {
        var report = await pass.RunAsync(stoppingToken).ConfigureAwait(false);
        return report.Truncated && BacklogPause < options.Interval ? BacklogPause : options.Interval;
    }
}
