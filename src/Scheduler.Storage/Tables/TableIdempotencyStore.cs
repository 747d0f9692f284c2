using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Idempotency keys: PartitionKey = SHA-256 of the key (client keys may hold characters that table keys forbid), RowKey <c>key</c>.
/// A row is never updated, so its Timestamp (the service's clock) is when the key was claimed: retention forgets keys by it.</summary>
public sealed class TableIdempotencyStore(StorageClients clients) : IIdempotencyStore
{
    private const string RowKey = "key";
    private const int MaxStoredKeyChars = 1024;

    private readonly TableClient _table = clients.Table(TableNames.Idempotency);

    public async Task<string?> ClaimAsync(string key, string jobId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var partition = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        var entity = new TableEntity(partition, RowKey)
        {
            ["Key"] = key.Length > MaxStoredKeyChars ? key[..MaxStoredKeyChars] : key,
            ["JobId"] = jobId,
        };
        var written = await TableCalls.InsertAsync(_table, entity, cancellationToken).ConfigureAwait(false);
        if (written.Done)
        {
            return null;
        }

        var existing = await TableCalls.GetAsync(_table, partition, RowKey, cancellationToken).ConfigureAwait(false);
        return existing?.GetString("JobId")
            ?? throw new InvalidOperationException($"Idempotency key row '{partition}' conflicted on insert but cannot be read.");
    }

    /// <summary>A scan filtered on Timestamp (keys returned); each key is its own partition, so one delete request per key.</summary>
    public async Task<int> ForgetClaimedBeforeAsync(DateTimeOffset beforeUtc, int limit, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"Timestamp lt {beforeUtc.ToUniversalTime()}");
        return await BatchDeletes.DeleteMatchingAsync(_table, filter, limit, cancellationToken).ConfigureAwait(false);
    }
}
