using Scheduler.Core.Config;

namespace Scheduler.Core.Ports;

/// <summary>The config table: dynamic settings and the sweep's state.</summary>
public interface IConfigStore
{
    Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken);
    /// <summary>Replaces the settings; ETag-conditional when the config carries one.</summary>
    Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken);
    Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken);
    Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken);
}
