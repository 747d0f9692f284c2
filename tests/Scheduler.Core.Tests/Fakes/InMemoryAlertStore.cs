using Scheduler.Core.Alerts;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>Job alerts in memory: one state per job written with ETags, each job's history as slots, and the deadline index.</summary>
public sealed class InMemoryAlertStore : InMemoryStore, IAlertStore
{
    private readonly Dictionary<string, AlertState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string JobId, long Slot), AlertRecord> history = [];
    private readonly Dictionary<(string JobId, int Rule, DateTimeOffset DueUtc), AlertDeadline> deadlines = [];
    private readonly ETags etags = new();

    public Task<AlertState?> GetStateAsync(string jobId, CancellationToken cancellationToken) =>
        Call(() => states.GetValueOrDefault(jobId));

    public Task<Written> DecideAsync(AlertState state, IReadOnlyList<AlertRecord> records, CancellationToken cancellationToken) => Call(() =>
    {
        var current = states.GetValueOrDefault(state.JobId);
        if (state.ETag is null && current is not null)
        {
            return Written.Conflict;
        }

        if (state.ETag is not null && current?.ETag != state.ETag)
        {
            return current is null ? Written.NotFound : Written.Stale;
        }

        var etag = etags.Next();
        states[state.JobId] = state with { ETag = etag };
        foreach (var record in records)
        {
            history[(record.JobId, record.Slot)] = record with { ETag = etags.Next() };
        }

        return Written.Ok(etag);
    });

    public Task<IReadOnlyList<AlertRecord>> ListAsync(string jobId, CancellationToken cancellationToken) => Call<IReadOnlyList<AlertRecord>>(() =>
        [.. history.Values.Where(r => r.JobId == jobId).OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Slot)]);

    public Task<Written> RecordDeliveryAsync(AlertRecord record, CancellationToken cancellationToken) => Call(() =>
    {
        if (!history.TryGetValue((record.JobId, record.Slot), out var current) || current.ETag != record.ETag)
        {
            return Written.Stale;
        }

        var etag = etags.Next();
        history[(record.JobId, record.Slot)] = record with { ETag = etag };
        return Written.Ok(etag);
    });

    public Task ArmAsync(AlertDeadline deadline, CancellationToken cancellationToken) => Call(() =>
    {
        // Keyed like the table's rows: one per job, rule and minute.
        var minute = new DateTimeOffset(deadline.DueUtc.UtcTicks - (deadline.DueUtc.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        deadlines.Remove(deadlines.Keys.FirstOrDefault(k => k.JobId == deadline.JobId && k.Rule == deadline.Rule && MinuteOf(k.DueUtc) == minute));
        deadlines[(deadline.JobId, deadline.Rule, deadline.DueUtc)] = deadline with { ETag = etags.Next() };
    });

    public Task<IReadOnlyList<AlertDeadline>> ListDueAsync(DateTimeOffset nowUtc, int max, CancellationToken cancellationToken) => Call<IReadOnlyList<AlertDeadline>>(() =>
        [.. deadlines.Values.Where(d => d.DueUtc <= nowUtc).OrderBy(d => d.DueUtc).Take(max)]);

    public Task RemoveAsync(AlertDeadline deadline, CancellationToken cancellationToken) => Call(() =>
    {
        var key = (deadline.JobId, deadline.Rule, deadline.DueUtc);
        if (deadlines.TryGetValue(key, out var current) && (deadline.ETag is null || deadline.ETag == current.ETag))
        {
            deadlines.Remove(key);
        }
    });

    /// <summary>Every armed deadline row, for tests to look at.</summary>
    public IReadOnlyList<AlertDeadline> Deadlines => Locked<IReadOnlyList<AlertDeadline>>(() => [.. deadlines.Values.OrderBy(d => d.DueUtc)]);

    private static DateTimeOffset MinuteOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
}
