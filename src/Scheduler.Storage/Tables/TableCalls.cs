using Azure;
using Azure.Data.Tables;
using Scheduler.Core.Ports;

namespace Scheduler.Storage.Tables;

/// <summary>Table writes whose expected failures (404, 409, 412) become <see cref="Written"/> outcomes.</summary>
internal static class TableCalls
{
    public static async Task<Written> InsertAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return Written.Ok(ETagOf(response));
        }
        catch (RequestFailedException e) when (Expected(e) is { } outcome)
        {
            return outcome;
        }
    }

    /// <summary>Replaces the entity if <paramref name="etag"/> still matches; a null ETag replaces unconditionally (but never creates).</summary>
    public static async Task<Written> ReplaceAsync(TableClient table, ITableEntity entity, string? etag, CancellationToken cancellationToken)
    {
        if (!CanMatch(etag))
        {
            return Written.Stale;
        }

        try
        {
            var response = await table.UpdateEntityAsync(entity, IfMatch(etag), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return Written.Ok(ETagOf(response));
        }
        catch (RequestFailedException e) when (Expected(e) is { } outcome)
        {
            return outcome;
        }
    }

    public static async Task<Written> UpsertAsync(TableClient table, ITableEntity entity, CancellationToken cancellationToken)
    {
        var response = await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return Written.Ok(ETagOf(response));
    }

    /// <summary>Deletes the entity, if <paramref name="etag"/> is given only when it still matches.</summary>
    public static async Task<Written> DeleteAsync(TableClient table, string partitionKey, string rowKey, string? etag, CancellationToken cancellationToken)
    {
        if (!CanMatch(etag))
        {
            return Written.Stale;
        }

        try
        {
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, IfMatch(etag), cancellationToken).ConfigureAwait(false);
            // The SDK reports a missing entity as a 404 response rather than an exception.
            return response.Status == 404 ? Written.NotFound : Written.Ok(null);
        }
        catch (RequestFailedException e) when (Expected(e) is { } outcome)
        {
            return outcome;
        }
    }

    public static async Task<TableEntity?> GetAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The outcome a 404, 409 or 412 stands for; null for anything else, which stays an exception.</summary>
    public static Written? Expected(RequestFailedException e) => e.Status switch
    {
        404 => Written.NotFound,
        409 => Written.Conflict,
        412 => Written.Stale,
        _ => null,
    };

    public static ETag IfMatch(string? etag) => etag is null ? ETag.All : new ETag(etag);

    /// <summary>False for an ETag no table entity can have (a client's made-up <c>If-Match</c>): the service refuses it as a bad request
    /// rather than a failed precondition, so it is answered as stale without a call. Table ETags are <c>W/"datetime'…'"</c>.</summary>
    private static bool CanMatch(string? etag) =>
        etag is null || (etag.StartsWith("W/\"datetime'", StringComparison.Ordinal) && etag.EndsWith("'\"", StringComparison.Ordinal));

    public static string? ETagOf(Response response) => response.Headers.ETag?.ToString();
}
