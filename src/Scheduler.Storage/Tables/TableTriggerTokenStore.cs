using Azure.Data.Tables;
using Scheduler.Core.Ports;
using Scheduler.Core.Tokens;

namespace Scheduler.Storage.Tables;

/// <summary>Trigger tokens in their job's partition of the jobs table (RowKey <c>token|{id}</c>, RowType <c>token</c>, which the
/// job and run queries filter out): checking a token is one point read, and a token sent on another job's route finds no row.</summary>
public sealed class TableTriggerTokenStore(StorageClients clients) : ITriggerTokenStore
{
    private const string KeyPrefix = "token|";
    private const string RowType = "token";
    private static readonly string[] KeyOnly = ["PartitionKey", "RowKey"];

    private readonly TableClient _table = clients.Table(TableNames.Jobs);

    public Task<Written> InsertAsync(TriggerToken token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TableCalls.InsertAsync(_table, ToEntity(token), cancellationToken);
    }

    public async Task<TriggerToken?> GetAsync(string jobId, string tokenId, CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, jobId, KeyPrefix + tokenId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<TriggerToken>> ListAsync(string jobId, CancellationToken cancellationToken)
    {
        var tokens = new List<TriggerToken>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(Of(jobId), 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            tokens.Add(FromEntity(entity));
        }

        return tokens;
    }

    public Task<Written> DeleteAsync(string jobId, string tokenId, CancellationToken cancellationToken) =>
        TableCalls.DeleteAsync(_table, jobId, KeyPrefix + tokenId, null, cancellationToken);

    public async Task<int> DeleteAllAsync(string jobId, CancellationToken cancellationToken)
    {
        var keys = new List<(string, string)>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(Of(jobId), 1000, KeyOnly, cancellationToken).ConfigureAwait(false))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        return (await BatchDeletes.DeleteAsync(_table, keys, cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>The job's token rows: a range of its partition ('}' follows '|').</summary>
    private static string Of(string jobId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {jobId} and RowKey gt {KeyPrefix} and RowKey lt {"token}"}");

    private static TableEntity ToEntity(TriggerToken token) => new(token.JobId, KeyPrefix + token.Id)
    {
        ["RowType"] = RowType,
        ["Name"] = token.Name,
        ["SecretHash"] = token.SecretHash,
        ["JobCreatedUtc"] = Columns.Date(token.JobCreatedUtc),
        ["CreatedUtc"] = Columns.Date(token.CreatedUtc),
        ["ExpiresUtc"] = Columns.Date(token.ExpiresUtc),
        ["CreatedBy"] = token.CreatedBy,
    };

    private static TriggerToken FromEntity(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        Id = entity.RowKey[KeyPrefix.Length..],
        Name = entity.GetString("Name"),
        SecretHash = Columns.Required(entity, "SecretHash"),
        JobCreatedUtc = Columns.DateOrDefault(entity, "JobCreatedUtc"),
        CreatedUtc = Columns.DateOrDefault(entity, "CreatedUtc"),
        ExpiresUtc = entity.GetDateTimeOffset("ExpiresUtc"),
        CreatedBy = entity.GetString("CreatedBy") ?? "",
    };
}
