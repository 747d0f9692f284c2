using System.Globalization;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Alerts;

/// <summary>The NoSuccessWithin pass: reads the deadline rows that came due (one query when none did) and, for each, fires the
/// rule's alert when the job has had no success since the deadline was armed, or moves the row to the deadline the job's last
/// success set. A row that fired stays until its alert is delivered (or given up): it is the anchor of the delivery's retries.
/// Runs on the Server's loop and the Functions host's timer, every <see cref="AlertOptions.DeadlineCheckInterval"/>.</summary>
public sealed class NoSuccessCheck(IAlertStore store, IJobStore jobs, AlertDelivery delivery, AlertOptions options, TimeProvider time)
{
    /// <summary>Rows handled per pass; more wait for the next.</summary>
    public const int MaxPerPass = 100;

    /// <summary>One pass; answers how many alerts it decided (sent or suppressed).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var decided = 0;
        foreach (var deadline in await store.ListDueAsync(now, MaxPerPass, cancellationToken).ConfigureAwait(false))
        {
            decided += await CheckAsync(deadline, now, cancellationToken).ConfigureAwait(false);
        }

        return decided;
    }

    private async Task<int> CheckAsync(AlertDeadline deadline, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(deadline.JobId, cancellationToken).ConfigureAwait(false);
        var rules = job is null ? [] : AlertRuleSet.For(job.Definition, options.Defaults);
        if (deadline.Rule > rules.Count || rules[deadline.Rule - 1] is not { On: AlertOn.NoSuccessWithin, Window: { } window } rule)
        {
            // The job or its rule is gone: nothing to watch.
            await store.RemoveAsync(deadline, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var decided = 0;
        while (true)
        {
            var state = await store.GetStateAsync(deadline.JobId, cancellationToken).ConfigureAwait(false) ?? AlertState.Empty(deadline.JobId);
            if (state.Fired.Contains(deadline.Rule))
            {
                var pending = (await store.ListAsync(deadline.JobId, cancellationToken).ConfigureAwait(false))
                    .Where(r => r.Pending && r.Rule == deadline.Rule && r.RunId is null).ToList();
                if ((await delivery.DeliverAsync(pending, job!.Definition.Name, null, cancellationToken).ConfigureAwait(false)).Done)
                {
                    await store.RemoveAsync(deadline, cancellationToken).ConfigureAwait(false);
                }

                return decided;
            }

            var due = state.DeadlineOf(window) ?? now + window;
            if (due > now)
            {
                // A success since (or a state never written): the row moves to the deadline that success set.
                await store.ArmAsync(new AlertDeadline(deadline.JobId, deadline.Rule, due), cancellationToken).ConfigureAwait(false);
                await store.RemoveAsync(deadline, cancellationToken).ConfigureAwait(false);
                return decided;
            }

            var sent = new Dictionary<int, DateTimeOffset>(state.LastSentUtc);
            var reason = string.Create(CultureInfo.InvariantCulture, $"No run succeeded within {window:c} (since {(state.LastSuccessUtc ?? state.ArmedFromUtc):u}).");
            var id = string.Create(CultureInfo.InvariantCulture, $"{deadline.JobId}/nosuccess/{deadline.Rule}/{due.UtcTicks}");
            var record = AlertDecider.Record(rule, deadline.Rule, id, deadline.JobId, null, reason, state.Recorded, sent, now);
            var next = state with
            {
                Fired = [.. state.Fired, deadline.Rule],
                Armed = [.. state.Armed.Where(n => n != deadline.Rule)],
                Failing = true,
                LastSentUtc = sent,
                Recorded = state.Recorded + 1,
            };
            var placed = AlertHistory.Placed([record], options.HistoryPerJob);
            if ((await store.DecideAsync(next, placed, cancellationToken).ConfigureAwait(false)).Done)
            {
                delivery.Decided(placed);
                decided++;
            }
        }
    }
}
