using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Config;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Dispatch;

/// <summary>The timer body: reads due rows from the cursor to now + lookahead and dispatches them under the concurrency budget.</summary>
/// <remarks>Cost grows with the number of due rows, not the number of jobs. Several sweeps at once are harmless:
/// run ids are deterministic and every write is conditional.</remarks>
public sealed class Sweeper(IConfigStore config, IDueIndex due, SlotAllocator allocator, OccurrenceDispatcher dispatcher, TimeProvider time, SweepOptions options, ILogger<Sweeper> logger)
{
    /// <summary>Rows read beyond the free slots of the known lanes: room for rows that take no slot (stale, skipped, held, not yet
    /// due) and for lanes that are not configured.</summary>
    internal const int ReadSlack = 128;

    public Task<SweepReport> SweepAsync(CancellationToken cancellationToken) => SweepAsync(options.DispatchWindow, cancellationToken);

    /// <summary>As <see cref="SweepAsync(CancellationToken)"/>, with a dispatch window the host chose (the Server widens it
    /// while dispatching is slow, so that a run still starts on time).</summary>
    public async Task<SweepReport> SweepAsync(TimeSpan dispatchWindow, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        // Three reads at once: a sweep's storage calls are in a chain, and under a burst the chain's length is its duration (the
        // default lane's slots are read whatever the settings say; its budget is applied once they are known).
        var settingsRead = config.GetAsync(cancellationToken);
        var stateRead = config.GetSweepStateAsync(cancellationToken);
        var defaultLaneRead = allocator.ReadAsync(JobDefinition.DefaultLane, cancellationToken);
        await Task.WhenAll(settingsRead, stateRead, defaultLaneRead).ConfigureAwait(false);
        var (settings, state) = (await settingsRead.ConfigureAwait(false), await stateRead.ConfigureAwait(false));
        var floor = DueBuckets.Of(now - options.CursorLag);
        var from = state.Cursor is { } cursor ? DueBuckets.Min(cursor, floor) : floor;
        if (settings.PauseAll)
        {
            await config.SetSweepStateAsync(new SweepState(from, now, 0), cancellationToken).ConfigureAwait(false);
            return new SweepReport(0, new Dictionary<RowOutcome, int>(), from, Paused: true);
        }

        // The default and configured lanes are loaded first (always: their expired slots are repaired even when nothing is due),
        // so that the read can stop near what they can admit: a backlog behind full lanes is not read again at every sweep.
        var defaultLane = await allocator.LoadAsync(JobDefinition.DefaultLane, settings.BudgetOf(JobDefinition.DefaultLane), await defaultLaneRead.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        var lanes = await LoadLanesAsync(settings.Lanes.Keys, settings, new(StringComparer.Ordinal) { [defaultLane.Lane] = defaultLane }, cancellationToken).ConfigureAwait(false);
        var limit = (int)Math.Min(options.MaxRowsPerSweep, lanes.Values.Sum(l => (long)l.FreeCount(now)) + ReadSlack);
        var rows = await due.ReadAsync(from, DueBuckets.Of(now + options.Lookahead), limit, cancellationToken).ConfigureAwait(false);
        var ordered = rows.OrderBy(r => r.DueUtc).ThenByDescending(r => r.Priority).ToList();
        var sweep = new SweepContext(now, dispatchWindow, settings, await LoadLanesAsync(ordered.Select(r => r.Lane), settings, lanes, cancellationToken).ConfigureAwait(false));
        var outcomes = new ConcurrentDictionary<DueEntry, RowOutcome>();
        var admitted = Admit(ordered, sweep);
        // Only a sweep with rows to dispatch opens a span: an idle one would be a telemetry item per tick that says nothing, and
        // its reads, under no span, are dropped as housekeeping. The span starts when the sweep did, so its duration is the sweep's;
        // the runs it launches here are its children.
        using var activity = admitted.Count > 0
            ? SchedulerTelemetry.Source.StartActivity(SchedulerTelemetry.SweepSpan, ActivityKind.Internal, parentContext: default, startTime: now)
            : null;
        await DispatchAsync(ordered, admitted, sweep, outcomes, cancellationToken).ConfigureAwait(false);
        // Rows admitted but found stale, skipped or held took no slot: give the slots still free to throttled rows, in the same order.
        var late = Admit(ordered.Where(r => outcomes[r] == RowOutcome.Throttled), sweep);
        if (late.Count > 0)
        {
            await DispatchAsync(late, late, sweep, outcomes, cancellationToken).ConfigureAwait(false);
        }

        await due.RemoveAsync(sweep.ToRemove.ToList(), cancellationToken).ConfigureAwait(false);
        var left = outcomes.Where(o => o.Value is RowOutcome.Throttled or RowOutcome.Held or RowOutcome.NotYet or RowOutcome.Pending).Select(o => o.Key.Bucket);
        var nextCursor = left.Aggregate(DueBuckets.Of(now - options.CursorLag), DueBuckets.Min);
        var truncated = rows.Count >= limit;
        if (truncated)
        {
            nextCursor = DueBuckets.Min(nextCursor, rows[^1].Bucket);
        }

        var tally = outcomes.Values.GroupBy(o => o).ToDictionary(g => g.Key, g => g.Count());
        var throttled = outcomes.Count(o => o.Value == RowOutcome.Throttled && o.Key.DueUtc <= now);
        if (SweepHeartbeat.ShouldWrite(state, nextCursor, throttled, now))
        {
            await config.SetSweepStateAsync(new SweepState(nextCursor, now, throttled), cancellationToken).ConfigureAwait(false);
        }

        Record(sweep, tally, throttled, time.GetElapsedTime(started), activity);
        var nextDue = outcomes.Where(o => o.Value == RowOutcome.NotYet).Select(o => (DateTimeOffset?)o.Key.DueUtc).Min();
        return new SweepReport(rows.Count, tally, nextCursor, Paused: false) { NextDueUtc = nextDue, Truncated = truncated };
    }

    private Task DispatchAsync(IEnumerable<DueEntry> rows, HashSet<DueEntry> admitted, SweepContext sweep, ConcurrentDictionary<DueEntry, RowOutcome> outcomes, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
            outcomes[row] = await dispatcher.DispatchAsync(row, sweep, admitted.Contains(row), ct).ConfigureAwait(false));

    private async Task<Dictionary<string, LaneSlots>> LoadLanesAsync(IEnumerable<string> wanted, SchedulerConfig settings, Dictionary<string, LaneSlots> loaded, CancellationToken cancellationToken)
    {
        var lanes = new Dictionary<string, LaneSlots>(loaded, StringComparer.Ordinal);
        foreach (var lane in wanted.Distinct(StringComparer.Ordinal).Where(l => !lanes.ContainsKey(l)))
        {
            lanes[lane] = await allocator.LoadAsync(lane, settings.BudgetOf(lane), cancellationToken).ConfigureAwait(false);
        }

        return lanes;
    }

    /// <summary>Gives free slots to rows in due-then-priority order, before any row is dispatched in parallel.</summary>
    private static HashSet<DueEntry> Admit(IEnumerable<DueEntry> ordered, SweepContext sweep)
    {
        var free = sweep.Lanes.ToDictionary(l => l.Lane, l => l.FreeCount(sweep.NowUtc), StringComparer.Ordinal);
        var admitted = new HashSet<DueEntry>();
        foreach (var row in ordered.Where(r => r.DueUtc <= sweep.NowUtc + sweep.Window))
        {
            if (free[row.Lane] > 0)
            {
                free[row.Lane]--;
                admitted.Add(row);
            }
        }

        return admitted;
    }

    private void Record(SweepContext sweep, Dictionary<RowOutcome, int> tally, int throttled, TimeSpan elapsed, Activity? activity)
    {
        foreach (var lane in sweep.Lanes)
        {
            SchedulerTelemetry.SlotsInUse.Record(lane.InUse(sweep.NowUtc), new KeyValuePair<string, object?>("lane", lane.Lane));
        }

        SchedulerTelemetry.Throttled.Add(throttled);
        SchedulerTelemetry.SweepDuration.Record(elapsed.TotalMilliseconds);
        SchedulerTelemetry.SweepCompleted.Add(1);
        activity?.SetTag("scheduler.dispatched", tally.GetValueOrDefault(RowOutcome.Dispatched));
        activity?.SetTag("scheduler.throttled", throttled);
        Log.SweepDone(logger, tally.GetValueOrDefault(RowOutcome.Dispatched), tally.GetValueOrDefault(RowOutcome.Skipped), throttled, tally.GetValueOrDefault(RowOutcome.Stale), elapsed.TotalMilliseconds);
    }
}
