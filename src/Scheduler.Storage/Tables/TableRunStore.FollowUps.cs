using Azure;
using Azure.Data.Tables;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Storage.Tables;

/// <summary>A run's follow-ups, rows of its job's partition: written with the run's settle in one entity group transaction, each
/// deleted once done (the run's pending flag merged off in the same transaction as the last).</summary>
public sealed partial class TableRunStore : IFollowUpStore
{
    public async Task<Written> SettleAsync(Run run, AttemptRecord? attempt, IReadOnlyList<FollowUp> followUps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(followUps);
        if (followUps.Any(f => f.JobId != run.JobId || f.RunId != run.RunId) || (attempt is not null && (attempt.JobId != run.JobId || attempt.RunId != run.RunId)))
        {
            throw new ArgumentException($"A row written with run '{run.RunId}' of job '{run.JobId}' belongs to another run.", nameof(followUps));
        }

        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, RunRows.ToEntity(run), TableCalls.IfMatch(run.ETag)) };
        if (attempt is not null)
        {
            actions.Add(new(TableTransactionActionType.Add, RunRows.ToEntity(attempt)));
        }

        actions.AddRange(followUps.Select(f => new TableTransactionAction(TableTransactionActionType.Add, FollowUpRows.ToEntity(f))));
        return await SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<FollowUp>> ListPendingAsync(string jobId, string runId, CancellationToken cancellationToken)
    {
        var pending = new List<FollowUp>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(FollowUpRows.Of(jobId, runId), MaxPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (FollowUpRows.FromEntity(entity) is { GaveUpUtc: null } followUp)
            {
                pending.Add(followUp);
            }
        }

        return [.. pending.OrderBy(f => f.Number)];
    }

    public Task<Written> RecordTryAsync(FollowUp followUp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(followUp);
        return TableCalls.ReplaceAsync(_table, FollowUpRows.ToEntity(followUp), followUp.ETag, cancellationToken);
    }

    public async Task<Written> CloseAsync(string jobId, string runId, FollowUp? followUp, bool last, CancellationToken cancellationToken)
    {
        var clear = new TableTransactionAction(TableTransactionActionType.UpdateMerge, FollowUpRows.PendingCleared(jobId, runId), ETag.All);
        if (followUp is null)
        {
            return await SubmitAsync([clear], cancellationToken).ConfigureAwait(false);
        }

        var close = followUp.GaveUpUtc is null
            ? new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(jobId, FollowUpRows.Key(runId, followUp.Number)), ETag.All)
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, FollowUpRows.ToEntity(followUp), ETag.All);
        var written = await SubmitAsync(last ? [clear, close] : [close], cancellationToken).ConfigureAwait(false);
        // Closed already by another carrier (the row is gone): the flag still goes with the last.
        return written.Outcome == WriteOutcome.NotFound && last ? await SubmitAsync([clear], cancellationToken).ConfigureAwait(false) : written;
    }

    /// <summary>One entity group transaction; answers the first row's new ETag.</summary>
    private async Task<Written> SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            var responses = await _table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return Written.Ok(TableCalls.ETagOf(responses.Value[0]));
        }
        catch (RequestFailedException e) when (TableCalls.Expected(e) is { } outcome)
        {
            return outcome;
        }
    }
}
