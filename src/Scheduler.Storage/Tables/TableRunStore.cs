using Azure.Data.Tables;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Storage.Tables;

/// <summary>Runs and their attempts, in their job's partition of the jobs table (beside the job's own row,
/// <see cref="TableJobStore"/>): dispatching a run (the job advanced, the run inserted) and recording an attempt (the attempt
/// inserted, the run's status set) are each one entity group transaction.</summary>
public sealed partial class TableRunStore(StorageClients clients) : IRunStore
{
    public const int MaxPageSize = 1000;

    private static readonly string[] KeyOnly = ["RowKey"];
    private static readonly string[] CancelColumn = ["CancelRequested"];
    private static readonly string[] SummaryColumns = ["Status", "DueUtc", "StartedUtc", "FinishedUtc"];
    private readonly TableClient _table = clients.Table(TableNames.Jobs);

    public Task<Written> InsertAsync(Run run, CancellationToken cancellationToken) =>
        TableCalls.InsertAsync(_table, RunRows.ToEntity(run), cancellationToken);

    public async Task<RunWithJobWritten> InsertWithJobAsync(Run run, Job job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(job);
        if (job.Id != run.JobId)
        {
            throw new ArgumentException($"Run '{run.RunId}' does not belong to job '{job.Id}'.", nameof(run));
        }

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, JobRows.ToEntity(job), TableCalls.IfMatch(job.ETag)),
            new(TableTransactionActionType.Add, RunRows.ToEntity(run)),
        ];
        try
        {
            var responses = await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return new RunWithJobWritten(WriteOutcome.Done, TableCalls.ETagOf(responses.Value[1]), TableCalls.ETagOf(responses.Value[0]));
        }
        catch (Azure.RequestFailedException e) when (TableCalls.Expected(e) is { } outcome)
        {
            // The first action that fails answers for the batch: the job's (412, 404) before the run's (409).
            return new RunWithJobWritten(outcome.Outcome == WriteOutcome.Conflict ? WriteOutcome.Conflict : WriteOutcome.Stale);
        }
    }

    public async Task<Run?> GetAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, jobId, runId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : RunRows.FromEntity(entity);
    }

    public async Task<bool> IsCancelRequestedAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(jobId, runId, CancelColumn, cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value!.GetBoolean("CancelRequested") == true;
    }

    public async Task<RunSummary?> GetSummaryAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(jobId, runId, SummaryColumns, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? RunRows.SummaryOf(runId, response.Value!) : null;
    }

    public Task<Written> ReplaceAsync(Run run, CancellationToken cancellationToken) =>
        TableCalls.ReplaceAsync(_table, RunRows.ToEntity(run), run.ETag, cancellationToken);

    public async Task<Written> RecordAttemptAsync(Run run, AttemptRecord attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.JobId != run.JobId || attempt.RunId != run.RunId)
        {
            throw new ArgumentException($"Attempt {attempt.Number} of run '{attempt.RunId}' does not belong to run '{run.RunId}'.", nameof(attempt));
        }

        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.UpdateReplace, RunRows.ToEntity(run), TableCalls.IfMatch(run.ETag)),
            new(TableTransactionActionType.Add, RunRows.ToEntity(attempt)),
        ];
        try
        {
            var responses = await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return Written.Ok(TableCalls.ETagOf(responses.Value[0]));
        }
        catch (Azure.RequestFailedException e) when (TableCalls.Expected(e) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Newest first. Row keys sort oldest first and the service cannot read backwards, so this reads every run key
    /// of the job older than the cursor (keys only, attempts filtered out on the server), then fetches the newest page in one range query.
    /// Cost grows with the job's run count; fine until a job has tens of thousands of runs (then add a reverse-ticks index row).</summary>
    public async Task<Page<Run>> ListByJobAsync(string jobId, int limit, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        limit = Math.Min(limit, MaxPageSize);
        var filter = RunsOf(jobId);
        if (Continuations.Decode(continuation) is { } before)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey lt {before}");
        }

        var keys = new List<string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, KeyOnly, cancellationToken).ConfigureAwait(false))
        {
            keys.Add(entity.RowKey);
        }

        if (keys.Count == 0)
        {
            return new Page<Run>([], null);
        }

        keys.Sort(StringComparer.Ordinal);
        var newest = keys[^1];
        var oldest = keys[Math.Max(0, keys.Count - limit)];
        var range = RunsOf(jobId) + " and " + TableClient.CreateQueryFilter($"RowKey ge {oldest} and RowKey le {newest}");
        var runs = await QueryRunsAsync(range, cancellationToken).ConfigureAwait(false);
        runs.Sort((a, b) => string.CompareOrdinal(b.RunId, a.RunId));
        return new Page<Run>(runs, keys.Count > limit ? Continuations.Encode(oldest) : null);
    }

    public async Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {jobId} and RowKey gt {runId + "|a"} and RowKey lt {runId + "|b"}");
        var attempts = new List<AttemptRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            attempts.Add(RunRows.AttemptFromEntity(entity));
        }

        return attempts;
    }

    /// <summary>A scan of the whole table (every job's partition) filtered on the server: its cost grows with the table, not the result.
    /// Meant for occasional stats, not for a hot path.</summary>
    public async Task<IReadOnlyList<Run>> ListCreatedSinceAsync(DateTimeOffset sinceUtc, CancellationToken cancellationToken) =>
        await QueryRunsAsync(
            RunRows.IsRun + " and " + TableClient.CreateQueryFilter($"CreatedUtc ge {sinceUtc.ToUniversalTime()}"),
            cancellationToken).ConfigureAwait(false);

    private static string RunsOf(string jobId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {jobId}") + " and " + RunRows.IsRun;

    private async Task<List<Run>> QueryRunsAsync(string filter, CancellationToken cancellationToken)
    {
        var runs = new List<Run>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            runs.Add(RunRows.FromEntity(entity));
        }

        return runs;
    }
}
