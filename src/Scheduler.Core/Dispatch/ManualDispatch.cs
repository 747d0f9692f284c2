using Microsoft.Extensions.Logging;
using Scheduler.Core.Ports;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Dispatch;

/// <summary>Dispatches a manual trigger's due row from the trigger call itself, so that the run exists (and is listed) when
/// the trigger answers, instead of when a sweep next gets to it. It yields to the sweep whenever the sweep must decide: the
/// lane has no free slot, rows are waiting for slots (the trigger must not jump that queue), everything is paused, or
/// storage fails; the row stays in the due index and the caller kicks the sweep.</summary>
public sealed class ManualDispatch(IConfigStore config, IDueIndex due, SlotAllocator allocator, OccurrenceDispatcher dispatcher, TimeProvider time, ILogger<ManualDispatch> logger)
{
    /// <summary>True when the run was dispatched; false when the row is left to the sweep.</summary>
    public async Task<bool> TryAsync(DueEntry row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var settings = await config.GetAsync(cancellationToken).ConfigureAwait(false);
            var state = await config.GetSweepStateAsync(cancellationToken).ConfigureAwait(false);
            if (settings.PauseAll || state.LastThrottled > 0)
            {
                return false;
            }

            // A trigger's instant is a tick ahead of the clock when another trigger of the job took this tick (TriggerInstants).
            var now = time.GetUtcNow() is var clock && clock > row.DueUtc ? clock : row.DueUtc;
            var lane = await allocator.LoadAsync(row.Lane, settings.BudgetOf(row.Lane), cancellationToken).ConfigureAwait(false);
            var sweep = new SweepContext(now, TimeSpan.Zero, settings, new Dictionary<string, LaneSlots>(StringComparer.Ordinal) { [row.Lane] = lane });
            var outcome = await dispatcher.DispatchAsync(row, sweep, admitted: lane.FreeCount(now) > 0, cancellationToken).ConfigureAwait(false);
            await due.RemoveAsync(sweep.ToRemove.ToList(), cancellationToken).ConfigureAwait(false);
            return outcome == RowOutcome.Dispatched;
        }
#pragma warning disable CA1031 // The row is stored: whatever failed here, the sweep dispatches it; the trigger must not fail (a retry would run the job twice).
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.ManualDispatchDeferred(logger, row.JobId, ex);
            return false;
        }
    }
}
