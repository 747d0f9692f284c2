using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>Runs and their attempts, in their job's partition (with the job's own row: see <see cref="InsertWithJobAsync"/>).</summary>
public interface IRunStore
{
    /// <summary>Inserts a new run; <see cref="WriteOutcome.Conflict"/> means the occurrence was already dispatched.</summary>
    Task<Written> InsertAsync(Run run, CancellationToken cancellationToken);
    /// <summary>Inserts a new run and replaces its job, if the job's <see cref="Jobs.Job.ETag"/> still matches, in one atomic write:
    /// both or neither. Stale when the job changed or is gone, Conflict when the run exists.</summary>
    Task<RunWithJobWritten> InsertWithJobAsync(Run run, Jobs.Job job, CancellationToken cancellationToken);
    Task<Run?> GetAsync(string jobId, string runId, CancellationToken cancellationToken);
    /// <summary>Whether cancel was requested for the run (false when it does not exist): a read of one column, polled while an attempt runs.</summary>
    Task<bool> IsCancelRequestedAsync(string jobId, string runId, CancellationToken cancellationToken);
    /// <summary>The run's status and times only (a point read of five columns); null when it does not exist.</summary>
    Task<RunSummary?> GetSummaryAsync(string jobId, string runId, CancellationToken cancellationToken);
    Task<Written> ReplaceAsync(Run run, CancellationToken cancellationToken);
    /// <summary>Records an attempt and replaces the run in one atomic write.</summary>
    Task<Written> RecordAttemptAsync(Run run, AttemptRecord attempt, CancellationToken cancellationToken);
    /// <summary>A job's runs, newest first.</summary>
    Task<Page<Run>> ListByJobAsync(string jobId, int limit, string? continuation, CancellationToken cancellationToken);
    Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string jobId, string runId, CancellationToken cancellationToken);
    /// <summary>Runs across jobs, newest first, created within the query's window and of its status when given.</summary>
    Task<Page<Run>> ListAsync(RunQuery query, CancellationToken cancellationToken);
    /// <summary>Runs created since the given instant, across jobs (for stats).</summary>
    Task<IReadOnlyList<Run>> ListCreatedSinceAsync(DateTimeOffset sinceUtc, CancellationToken cancellationToken);

    /// <summary>Ended runs across jobs that finished before <paramref name="finishedBeforeUtc"/>, in no particular order, a page
    /// at a time (a page may be short, or empty with a continuation, while the store scans).</summary>
    Task<Page<RunKey>> ListEndedBeforeAsync(DateTimeOffset finishedBeforeUtc, int limit, string? continuation, CancellationToken cancellationToken);
    /// <summary>Every run of a job (keys, status and finish only), newest first.</summary>
    Task<IReadOnlyList<RunKey>> ListKeysByJobAsync(string jobId, CancellationToken cancellationToken);
    /// <summary>Deletes the job's runs named, each with its attempts; runs already gone are skipped. Answers how many it deleted.</summary>
    Task<int> DeleteAsync(string jobId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken);
}
