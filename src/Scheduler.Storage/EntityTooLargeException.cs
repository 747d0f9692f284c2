namespace Scheduler.Storage;

/// <summary>A value is too large to store within Azure Table Storage's limits (validation should have caught it earlier).</summary>
public sealed class EntityTooLargeException(string partitionKey, string rowKey, string column, int chars)
    : InvalidOperationException($"Column '{column}' of '{partitionKey}'/'{rowKey}' holds {chars} characters, more than Table Storage allows.")
{
    public string PartitionKey { get; } = partitionKey;
    public string RowKey { get; } = rowKey;
    public string Column { get; } = column;
}
