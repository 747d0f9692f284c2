using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Scheduler.Core.Alerts;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Job alerts: state and history rows in the job's partition of the jobs table (<see cref="AlertRows"/>), decided in one
/// entity group transaction; NoSuccessWithin deadlines in their own table, one partition per UTC minute (as the due index), RowKey
/// <c>{jobId}|{rule:D2}</c>, read by a range query up to now's minute, so that a pass costs one query when nothing came due.</summary>
public sealed class TableAlertStore(StorageClients clients) : IAlertStore
{
    private readonly TableClient _jobs = clients.Table(TableNames.Jobs);
    private readonly TableClient _deadlines = clients.Table(TableNames.AlertDeadlines);

    public async Task<AlertState?> GetStateAsync(string jobId, CancellationToken cancellationToken) =>
        await TableCalls.GetAsync(_jobs, jobId, AlertRows.StateKey, cancellationToken).ConfigureAwait(false) is { } entity ? AlertRows.StateOf(entity) : null;

    public async Task<Written> DecideAsync(AlertState state, IReadOnlyList<AlertRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Any(r => r.JobId != state.JobId))
        {
            throw new ArgumentException($"An alert written with job '{state.JobId}' belongs to another job.", nameof(records));
        }

        var actions = new List<TableTransactionAction>
        {
            state.ETag is null
                ? new(TableTransactionActionType.Add, AlertRows.ToEntity(state))
                : new(TableTransactionActionType.UpdateReplace, AlertRows.ToEntity(state), new ETag(state.ETag)),
        };
        actions.AddRange(records.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, AlertRows.ToEntity(r))));
        try
        {
            var responses = await _jobs.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return Written.Ok(TableCalls.ETagOf(responses.Value[0]));
        }
        catch (RequestFailedException e) when (TableCalls.Expected(e) is { } outcome)
        {
            return outcome;
        }
    }

    public async Task<IReadOnlyList<AlertRecord>> ListAsync(string jobId, CancellationToken cancellationToken)
    {
        var records = new List<AlertRecord>();
        await foreach (var entity in _jobs.QueryAsync<TableEntity>(AlertRows.History(jobId), TableRunStore.MaxPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(AlertRows.RecordOf(entity));
        }

        return [.. records.OrderByDescending(r => r.AtUtc).ThenByDescending(r => r.Slot)];
    }

    public Task<Written> RecordDeliveryAsync(AlertRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return TableCalls.ReplaceAsync(_jobs, AlertRows.ToEntity(record), record.ETag ?? throw new ArgumentException("A delivery is recorded on a record read with its ETag.", nameof(record)), cancellationToken);
    }

    public Task ArmAsync(AlertDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        var entity = new TableEntity(DueBuckets.Of(deadline.DueUtc), KeyOf(deadline))
        {
            ["JobId"] = deadline.JobId,
            ["Rule"] = deadline.Rule,
            ["DueUtc"] = deadline.DueUtc.ToUniversalTime(),
        };
        return TableCalls.UpsertAsync(_deadlines, entity, cancellationToken);
    }

    public async Task<IReadOnlyList<AlertDeadline>> ListDueAsync(DateTimeOffset nowUtc, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var due = new List<AlertDeadline>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {DueBuckets.Of(nowUtc)}");
        await foreach (var entity in _deadlines.QueryAsync<TableEntity>(filter, Math.Min(max, TableRunStore.MaxPageSize), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var deadline = new AlertDeadline(Columns.Required(entity, "JobId"), entity.GetInt32("Rule") ?? 0, Columns.DateOrDefault(entity, "DueUtc")) { ETag = entity.ETag.ToString() };
            if (deadline.DueUtc <= nowUtc)
            {
                due.Add(deadline);
            }

            if (due.Count >= max)
            {
                break;
            }
        }

        return [.. due.OrderBy(d => d.DueUtc)];
    }

    public Task RemoveAsync(AlertDeadline deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return TableCalls.DeleteAsync(_deadlines, DueBuckets.Of(deadline.DueUtc), KeyOf(deadline), deadline.ETag, cancellationToken);
    }

    private static string KeyOf(AlertDeadline deadline) => deadline.JobId + "|" + deadline.Rule.ToString("D2", CultureInfo.InvariantCulture);
}
