using System.Globalization;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>The one place that decides which alerts fire and which the cooldown suppresses, from a job's alert state and rules.
/// Pure: the caller reads the state and writes the decision conditionally, so each run (and each deadline) is decided once.</summary>
public static class AlertDecider
{
    /// <summary>Applies an ended run to the state; null when this run was applied already (its alerts were decided).</summary>
    public static AlertDecision? ForRunEnd(AlertState state, IReadOnlyList<AlertRule> rules, Run run, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(run);
        if (state.RecentRunIds.Contains(run.RunId, StringComparer.Ordinal))
        {
            return null;
        }

        var failed = run.Status == RunStatus.Failed;
        var succeeded = run.Status == RunStatus.Succeeded;
        var ended = run.FinishedUtc ?? nowUtc;
        var next = state with
        {
            Streak = failed ? state.Streak + 1 : succeeded ? 0 : state.Streak,
            Failing = failed || (!succeeded && state.Failing),
            LastSuccessUtc = succeeded ? ended : state.LastSuccessUtc,
            Fired = succeeded ? [] : state.Fired,
            RecentRunIds = [.. state.RecentRunIds.TakeLast(AlertState.RecentRuns - 1), run.RunId],
        };
        var sent = new Dictionary<int, DateTimeOffset>(state.LastSentUtc);
        var records = new List<AlertRecord>();
        var toArm = new List<AlertDeadline>();
        for (var i = 0; i < rules.Count; i++)
        {
            var (rule, number) = (rules[i], i + 1);
            // A rule that fired waits for a success (which clears Fired) before it is armed again.
            if (rule.On == AlertOn.NoSuccessWithin && !next.Armed.Contains(number) && !next.Fired.Contains(number) && rule.Window is { } window)
            {
                next = next with { Armed = [.. next.Armed, number], ArmedFromUtc = next.ArmedFromUtc ?? ended };
                toArm.Add(new AlertDeadline(run.JobId, number, next.DeadlineOf(window)!.Value));
            }

            if (ReasonFor(rule, run, next.Streak, state.Failing && succeeded, ended) is { } reason)
            {
                records.Add(Record(rule, number, $"{run.RunId}/alert/{number}", run.JobId, run.RunId, reason, state.Recorded + records.Count, sent, nowUtc));
            }
        }

        return new AlertDecision(next with { LastSentUtc = sent, Recorded = state.Recorded + records.Count }, records, toArm);
    }

    /// <summary>The record of an alert of rule <paramref name="number"/>: sent, or suppressed when the rule's last alert sent
    /// is within its cooldown; <paramref name="sent"/> takes the time of one sent.</summary>
    public static AlertRecord Record(AlertRule rule, int number, string id, string jobId, string? runId, string reason, long slot,
        Dictionary<int, DateTimeOffset> sent, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(sent);
        var suppressed = rule.Cooldown is { } cooldown && sent.TryGetValue(number, out var last) && nowUtc - last < cooldown;
        if (!suppressed)
        {
            sent[number] = nowUtc;
        }

        return new AlertRecord
        {
            JobId = jobId, Id = id, Rule = number, On = rule.On, RunId = runId, AtUtc = nowUtc, Sent = !suppressed, Reason = reason,
            Url = rule.Webhook.Url, Slot = slot,
        };
    }

    private static string? ReasonFor(AlertRule rule, Run run, int streak, bool recovered, DateTimeOffset ended) => rule.On switch
    {
        AlertOn.Failed when run.Status == RunStatus.Failed =>
            string.Create(CultureInfo.InvariantCulture, $"The run failed after {run.AttemptCount} attempt(s): {run.LastError}"),
        AlertOn.ConsecutiveFailures when run.Status == RunStatus.Failed && streak == rule.Count =>
            string.Create(CultureInfo.InvariantCulture, $"{streak} runs failed in a row."),
        AlertOn.Recovered when recovered => "A run succeeded after the job was failing.",
        AlertOn.LongerThan when run.StartedUtc is { } started && rule.Duration is { } limit && ended - started > limit =>
            string.Create(CultureInfo.InvariantCulture, $"The run took {ended - started:c}, longer than {limit:c}."),
        _ => null,
    };
}
