using Scheduler.Core.Config;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The config table in memory: defaults (no ETag) until settings are put; a put with an ETag must match.</summary>
public sealed class InMemoryConfigStore : InMemoryStore, IConfigStore
{
    private readonly ETags etags = new();
    private SchedulerConfig settings = new();
    private SweepState sweep = new(null, null, 0);

    public SweepState State => Locked(() => sweep);

    public Task<SchedulerConfig> GetAsync(CancellationToken cancellationToken) => Call(() => settings);

    public Task<Written> PutAsync(SchedulerConfig config, CancellationToken cancellationToken) => Call(() =>
    {
        if (config.ETag is not null && config.ETag != settings.ETag)
        {
            // As the table's conditional replace: a row never written is missing, not changed by someone else.
            return settings.ETag is null ? Written.NotFound : Written.Stale;
        }

        settings = config with { ETag = etags.Next() };
        return Written.Ok(settings.ETag);
    });

    public Task<SweepState> GetSweepStateAsync(CancellationToken cancellationToken) => Call(() => sweep);

    public Task SetSweepStateAsync(SweepState state, CancellationToken cancellationToken) => Call(() => sweep = state);
}
