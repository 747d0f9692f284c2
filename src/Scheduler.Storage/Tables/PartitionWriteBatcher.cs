using Azure;
using Azure.Data.Tables;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Group commit of conditional writes to one table: writes to the same partition that are asked for while another
/// write of that partition is on its way go out together, in one entity group transaction, as soon as it returns. Each
/// caller still gets its own outcome (new ETag, Stale, Conflict). A write alone goes out at once, as a plain request.</summary>
/// <remarks>A transaction is all or nothing: when one action fails its precondition, the service names it; that caller gets
/// its outcome and the others, which were not applied, go out again with the next group. The caller's cancellation token
/// does not reach a shared transaction: a slot write is short, and abandoning it halfway would leave its outcome unknown.</remarks>
internal sealed class PartitionWriteBatcher(TableClient table)
{
    /// <summary>The service's limit of actions per entity group transaction.</summary>
    private const int MaxActions = 100;
    private readonly Dictionary<string, Partition> partitions = new(StringComparer.Ordinal);

    /// <summary>Inserts the entity when <paramref name="etag"/> is null, else replaces it if the ETag still matches.</summary>
    public Task<Written> WriteAsync(ITableEntity entity, string? etag)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var write = new PendingWrite(entity, etag);
        bool lead;
        Partition partition;
        lock (partitions)
        {
            if (!partitions.TryGetValue(entity.PartitionKey, out partition!))
            {
                partition = new Partition();
                partitions[entity.PartitionKey] = partition;
            }

            partition.Waiting.Add(write);
            lead = !partition.Flushing;
            partition.Flushing = true;
        }

        if (lead)
        {
            _ = FlushAsync(partition);
        }

        return write.Outcome.Task;
    }

    private async Task FlushAsync(Partition partition)
    {
        while (NextGroup(partition) is { Count: > 0 } group)
        {
            try
            {
                await SendAsync(group).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var write in group.Where(w => !w.Outcome.Task.IsCompleted))
                {
                    write.Outcome.TrySetException(e);
                }
            }
        }
    }

    /// <summary>Up to <see cref="MaxActions"/> waiting writes, one per row (a transaction may not touch a row twice); the
    /// partition stops flushing when none is left, in the same lock in which a new write checks whether to start it.</summary>
    private List<PendingWrite> NextGroup(Partition partition)
    {
        lock (partitions)
        {
            var rows = new HashSet<string>(StringComparer.Ordinal);
            var group = new List<PendingWrite>();
            foreach (var write in partition.Waiting)
            {
                if (group.Count < MaxActions && rows.Add(write.Entity.RowKey))
                {
                    group.Add(write);
                }
            }

            partition.Waiting.RemoveAll(group.Contains);
            partition.Flushing = group.Count > 0;
            return group;
        }
    }

    private async Task SendAsync(List<PendingWrite> group)
    {
        if (group.Count == 0)
        {
            return;
        }

        if (group.Count == 1)
        {
            var write = group[0];
            write.Outcome.TrySetResult(write.ETag is null
                ? await TableCalls.InsertAsync(table, write.Entity, CancellationToken.None).ConfigureAwait(false)
                : await TableCalls.ReplaceAsync(table, write.Entity, write.ETag, CancellationToken.None).ConfigureAwait(false));
            return;
        }

        try
        {
            var responses = await table.SubmitTransactionAsync(group.Select(Action), CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Outcome.TrySetResult(Written.Ok(TableCalls.ETagOf(responses.Value[i])));
            }
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is { } failed && TableCalls.Expected(e) is { } outcome)
        {
            group[failed].Outcome.TrySetResult(outcome);
            group.RemoveAt(failed);
            // Not applied: they go again, alone or with the next group.
            await SendAsync(group).ConfigureAwait(false);
        }
    }

    private static TableTransactionAction Action(PendingWrite write) => write.ETag is null
        ? new TableTransactionAction(TableTransactionActionType.Add, write.Entity)
        : new TableTransactionAction(TableTransactionActionType.UpdateReplace, write.Entity, new ETag(write.ETag));

    private sealed class Partition
    {
        public List<PendingWrite> Waiting { get; } = [];
        public bool Flushing { get; set; }
    }

    private sealed record PendingWrite(ITableEntity Entity, string? ETag)
    {
        public TaskCompletionSource<Written> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
