using Azure.Data.Tables;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Jobs: one partition per job (PartitionKey = job id, RowKey = <c>job</c>), which also holds the job's runs and their
/// attempts (<see cref="TableRunStore"/>), so that a run and its job are written in one transaction. Listing jobs reads the
/// job rows only (RowKey = <c>job</c>), a filter the service applies while it scans the table.</summary>
public sealed class TableJobStore(StorageClients clients) : IJobStore
{
    public const int MaxPageSize = 1000;

    private readonly TableClient _table = clients.Table(TableNames.Jobs);

    public async Task<Job?> GetAsync(string jobId, CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, jobId, JobRows.RowKey, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : JobRows.FromEntity(entity);
    }

    public Task<Written> InsertAsync(Job job, CancellationToken cancellationToken) =>
        TableCalls.InsertAsync(_table, JobRows.ToEntity(job), cancellationToken);

    public Task<Written> ReplaceAsync(Job job, CancellationToken cancellationToken) =>
        TableCalls.ReplaceAsync(_table, JobRows.ToEntity(job), job.ETag, cancellationToken);

    public Task<Written> DeleteAsync(string jobId, string? etag, CancellationToken cancellationToken) =>
        TableCalls.DeleteAsync(_table, jobId, JobRows.RowKey, etag, cancellationToken);

    /// <summary>Status and lane filter on the server; tag and text in memory, reading on until the page is full.
    /// The continuation is the last job id returned, so a page resumes exactly after it even when it ended mid-way through a service page.</summary>
    public async Task<Page<Job>> ListAsync(JobQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.Limit, 1, nameof(query));
        var limit = Math.Min(query.Limit, MaxPageSize);
        var jobs = new List<Job>(limit);
        var more = false;

        await foreach (var entity in _table.QueryAsync<TableEntity>(Filter(query), MaxPageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if ((query.Tag is { } tag && !JobRows.HasTag(entity, tag)) || (query.Text is { } text && !JobRows.MatchesText(entity, text)))
            {
                continue;
            }

            if (jobs.Count == limit)
            {
                more = true;
                break;
            }

            jobs.Add(JobRows.FromEntity(entity));
        }

        return new Page<Job>(jobs, more ? Continuations.Encode(jobs[^1].Id) : null);
    }

    private static string Filter(JobQuery query)
    {
        var clauses = new List<string> { TableClient.CreateQueryFilter($"RowKey eq {JobRows.RowKey}") };
        if (Continuations.Decode(query.Continuation) is { } after)
        {
            clauses.Add(TableClient.CreateQueryFilter($"PartitionKey gt {after}"));
        }

        if (query.Status is { } status)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Status eq {status.ToString()}"));
        }

        if (query.Lane is { } lane)
        {
            clauses.Add(TableClient.CreateQueryFilter($"Lane eq {lane}"));
        }

        return string.Join(" and ", clauses);
    }
}
