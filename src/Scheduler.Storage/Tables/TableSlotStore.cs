using System.Globalization;
using Azure.Data.Tables;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Concurrency slots: PartitionKey = lane, RowKey = slot number (<c>D4</c>); every take and clear is ETag-conditional.
/// Takes and clears of one lane asked for at the same time share one entity group transaction (<see cref="PartitionWriteBatcher"/>):
/// a burst's slot writes cost a request per group, not per run.</summary>
public sealed class TableSlotStore(StorageClients clients) : ISlotStore
{
    private readonly TableClient _table = clients.Table(TableNames.Slots);
    private readonly PartitionWriteBatcher _writes = new(clients.Table(TableNames.Slots));

    public async Task<IReadOnlyList<Slot>> ReadLaneAsync(string lane, CancellationToken cancellationToken)
    {
        var slots = new List<Slot>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {lane}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            slots.Add(FromEntity(entity));
        }

        return slots;
    }

    public async Task<Slot?> GetAsync(string lane, int number, CancellationToken cancellationToken)
    {
        var entity = await TableCalls.GetAsync(_table, lane, RowKey(number), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, CancellationToken cancellationToken) =>
        TryTakeAsync(current, runId, leaseUntilUtc, renewed: false, cancellationToken);

    public async Task<Slot?> TryTakeAsync(Slot current, string runId, DateTimeOffset leaseUntilUtc, bool renewed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        var entity = ToEntity(current.Lane, current.Number, runId, leaseUntilUtc);
        if (renewed)
        {
            entity["Renewed"] = true;
        }

        var written = await _writes.WriteAsync(entity, current.ETag).WaitAsync(cancellationToken).ConfigureAwait(false);
        return written.Done ? new Slot(current.Lane, current.Number, runId, leaseUntilUtc, written.ETag) { Renewed = renewed } : null;
    }

    /// <summary>Empties the slot (the row stays, so the next taker replaces it by ETag); a slot never stored is <see cref="WriteOutcome.NotFound"/>.</summary>
    public Task<Written> ClearAsync(Slot current, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return current.ETag is null
            ? Task.FromResult(Written.NotFound)
            : _writes.WriteAsync(ToEntity(current.Lane, current.Number, null, null), current.ETag).WaitAsync(cancellationToken);
    }

    private static string RowKey(int number) => number.ToString("D4", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(string lane, int number, string? runId, DateTimeOffset? leaseUntilUtc) =>
        new(lane, RowKey(number)) { ["RunId"] = runId, ["LeaseUntilUtc"] = leaseUntilUtc?.ToUniversalTime() };

    private static Slot FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        int.Parse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture),
        entity.GetString("RunId"),
        entity.GetDateTimeOffset("LeaseUntilUtc"),
        entity.ETag.ToString())
    {
        Renewed = entity.GetBoolean("Renewed") ?? false,
    };
}
