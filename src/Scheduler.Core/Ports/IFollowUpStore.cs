using Scheduler.Core.FollowUps;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>A run's follow-up rows, in the run's partition of the jobs table (its job's partition) so that they are written in the run's settle.</summary>
public interface IFollowUpStore
{
    /// <summary>Replaces the run (with its ETag) and inserts the attempt, when given, and the follow-ups, in one atomic write:
    /// <see cref="WriteOutcome.Stale"/> or <see cref="WriteOutcome.Conflict"/> writes none of them.</summary>
    Task<Written> SettleAsync(Run run, AttemptRecord? attempt, IReadOnlyList<FollowUp> followUps, CancellationToken cancellationToken);

    /// <summary>The run's follow-ups still to carry out (not given up), by number.</summary>
    Task<IReadOnlyList<FollowUp>> ListPendingAsync(string jobId, string runId, CancellationToken cancellationToken);

    /// <summary>Records a failed try (the follow-up's tries and last error), with its ETag: Stale when another carrier changed it.</summary>
    Task<Written> RecordTryAsync(FollowUp followUp, CancellationToken cancellationToken);

    /// <summary>Closes a follow-up: deletes its row when done, keeps it when given up (<see cref="FollowUp.GaveUpUtc"/> set). With
    /// <paramref name="last"/>, clears the run's <see cref="Run.FollowUpsPending"/> in the same write; with <paramref name="followUp"/>
    /// null, clears only that. Answers the run's new ETag when it cleared the flag. A row already closed is not an error.</summary>
    Task<Written> CloseAsync(string jobId, string runId, FollowUp? followUp, bool last, CancellationToken cancellationToken);
}
