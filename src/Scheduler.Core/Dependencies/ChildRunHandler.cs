using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Dependencies;

/// <summary>Carries out a <see cref="FollowUpKinds.Child"/> follow-up: reads the child, and when its <c>after</c> rule for the
/// ended run's job matches the run's status, writes the child's due row (trigger Parent, the run as its parent), whose key comes
/// from the ended run alone. With <c>require: all</c> the arrival is counted on the child's row first (<see cref="ParentArrivals"/>),
/// and the run it completes is recorded there before its due row is written and removed after, so that it is written whoever
/// carries out a follow-up of the child next.</summary>
public sealed class ChildRunHandler(IJobStore jobs, IDueIndex due, ISweepSignal signal, TimeProvider time) : IFollowUpHandler
{
    private const int MaxRaces = 8;

    public string Kind => FollowUpKinds.Child;

    public async Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        ArgumentNullException.ThrowIfNull(run);
        var start = new ChildRunStart(ChildRuns.DueOf(run), ParentOf(run));
        for (var race = 0; race < MaxRaces; race++)
        {
            var child = await jobs.GetAsync(followUp.Target, cancellationToken).ConfigureAwait(false);
            var rule = child?.Definition.After.FirstOrDefault(r => r.Job == run.JobId);
            if (child is null || rule is null || !rule.Matches(run.Status))
            {
                // Not (or no longer) a child of this job, or not on this end: nothing to start.
                return FollowUpResult.Ok;
            }

            if (child.Definition.After.Count == 1 || child.Definition.Require == ParentsRequired.Any)
            {
                await AddAsync(child, start, cancellationToken).ConfigureAwait(false);
                return FollowUpResult.Ok;
            }

            var arrivals = child.Arrivals.Arrive(start.Parent, start.DueUtc, [.. child.Definition.After.Select(r => r.Job)]);
            if (!ReferenceEquals(arrivals, child.Arrivals))
            {
                var written = await jobs.ReplaceAsync(child with { Arrivals = arrivals }, cancellationToken).ConfigureAwait(false);
                if (!written.Done)
                {
                    continue;
                }

                child = child with { Arrivals = arrivals, ETag = written.ETag };
            }

            if (await StartDecidedAsync(child, cancellationToken).ConfigureAwait(false))
            {
                return FollowUpResult.Ok;
            }
        }

        return FollowUpResult.Failed($"Job '{followUp.Target}' kept changing while this run's arrival was recorded on it.");
    }

    /// <summary>Writes the due rows of the runs <paramref name="child"/> has decided, then removes them from its row; false when the
    /// child changed in between (the rows are written; the caller reads the child again).</summary>
    private async Task<bool> StartDecidedAsync(Job child, CancellationToken cancellationToken)
    {
        var starting = child.Arrivals.Starting;
        if (starting.Count == 0)
        {
            return true;
        }

        foreach (var start in starting)
        {
            await AddAsync(child, start, cancellationToken).ConfigureAwait(false);
        }

        var written = await jobs.ReplaceAsync(child with { Arrivals = child.Arrivals.Started(starting) }, cancellationToken).ConfigureAwait(false);
        return written.Outcome is WriteOutcome.Done or WriteOutcome.NotFound;
    }

    private async Task AddAsync(Job child, ChildRunStart start, CancellationToken cancellationToken)
    {
        await due.AddAsync(DueEntryFactory.Parent(child, start, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        signal.Kick();
    }

    private static RunParent ParentOf(Run run)
    {
        var output = run.ResultExcerpt is { Length: > Limits.MaxParentOutputChars } excerpt ? excerpt[..Limits.MaxParentOutputChars] : run.ResultExcerpt;
        return new RunParent(run.JobId, run.RunId, run.Status, output);
    }
}
