using Azure.Data.Tables;

namespace Scheduler.Storage.Tables;

/// <summary>A job's children (on its row, and on each run as dispatched) as one comma-separated column; absent when there are none,
/// so jobs without children cost no extra bytes. Job ids hold no commas.</summary>
internal static class ChildrenColumn
{
    public const string Name = "Children";

    public static void Write(TableEntity entity, IReadOnlyList<string> children)
    {
        if (children.Count > 0)
        {
            entity[Name] = string.Join(',', children);
        }
    }

    public static IReadOnlyList<string> Read(TableEntity entity) =>
        entity.GetString(Name) is { Length: > 0 } joined ? joined.Split(',') : [];
}
