using Azure.Data.Tables;
using Scheduler.Core.Connections;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>SSH connection profiles: one partition (<c>connection</c>), RowKey = profile name; few rows, listed in one query.</summary>
public sealed class TableConnectionStore(StorageClients clients) : IConnectionStore
{
    private const string Partition = "connection";

    private readonly TableClient _table = clients.Table(TableNames.Connections);

    public async Task<ConnectionProfile?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, Partition, name, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<ConnectionProfile>> ListAsync(CancellationToken cancellationToken)
    {
        var profiles = new List<ConnectionProfile>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            profiles.Add(FromEntity(entity));
        }

        return profiles;
    }

    public Task<Written> InsertAsync(ConnectionProfile profile, CancellationToken cancellationToken) =>
        TableCalls.InsertAsync(_table, ToEntity(profile), cancellationToken);

    public Task<Written> ReplaceAsync(ConnectionProfile profile, CancellationToken cancellationToken) =>
        TableCalls.ReplaceAsync(_table, ToEntity(profile), profile.ETag, cancellationToken);

    public Task<Written> DeleteAsync(string name, string? etag, CancellationToken cancellationToken) =>
        TableCalls.DeleteAsync(_table, Partition, name, etag, cancellationToken);

    private static TableEntity ToEntity(ConnectionProfile profile) => new(Partition, profile.Name)
    {
        ["Host"] = profile.Host,
        ["Port"] = profile.Port,
        ["User"] = profile.User,
        ["SecretRef"] = profile.SecretRef,
        ["HostKeyFingerprint"] = profile.HostKeyFingerprint,
        ["ConnectTimeout"] = Columns.Span(profile.ConnectTimeout),
        ["CommandTimeout"] = Columns.Span(profile.CommandTimeout),
    };

    private static ConnectionProfile FromEntity(TableEntity entity) => new()
    {
        Name = entity.RowKey,
        Host = Columns.Required(entity, "Host"),
        Port = entity.GetInt32("Port") ?? 22,
        User = Columns.Required(entity, "User"),
        SecretRef = Columns.Required(entity, "SecretRef"),
        HostKeyFingerprint = Columns.Required(entity, "HostKeyFingerprint"),
        ConnectTimeout = Columns.SpanOr(entity, "ConnectTimeout", TimeSpan.FromSeconds(10)),
        CommandTimeout = Columns.SpanOr(entity, "CommandTimeout", TimeSpan.FromMinutes(5)),
        ETag = entity.ETag.ToString(),
    };
}
