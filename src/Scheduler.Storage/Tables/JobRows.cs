using Azure.Data.Tables;
using Scheduler.Core.Jobs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>Maps a <see cref="Job"/> to its row: the definition as JSON plus flat columns to filter on.</summary>
internal static class JobRows
{
    public const string RowKey = "job";
    /// <summary>A child's count of its parents' runs (<see cref="ParentArrivals"/>) as JSON; absent when empty.</summary>
    private const string ArrivalsColumn = "Arrivals";

    public static TableEntity ToEntity(Job job)
    {
        var definition = job.Definition;
        var entity = new TableEntity(job.Id, RowKey)
        {
            ["Status"] = job.Status.ToString(),
            ["Lane"] = definition.Lane,
            ["Tags"] = TagsColumn(definition.Tags),
            ["Name"] = definition.Name,
            ["NextDueUtc"] = Columns.Date(job.NextDueUtc),
            ["ScheduleVersion"] = job.ScheduleVersion,
            ["LastRunId"] = job.LastRunId,
            ["Occurrences"] = job.Occurrences,
            ["ManualRuns"] = job.ManualRuns,
            ["CreatedUtc"] = Columns.Date(job.CreatedUtc),
            ["UpdatedUtc"] = Columns.Date(job.UpdatedUtc),
        };
        LargeText.Write(entity, "Definition", SchedulerJson.Serialize(definition));
        ChildrenColumn.Write(entity, job.Children);
        if (!job.Arrivals.IsEmpty)
        {
            entity[ArrivalsColumn] = SchedulerJson.Serialize(job.Arrivals);
        }

        return entity;
    }

    public static Job FromEntity(TableEntity entity) => new()
    {
        Definition = SchedulerJson.Deserialize<JobDefinition>(LargeText.Read(entity, "Definition")),
        Status = Enum.Parse<JobStatus>(Columns.Required(entity, "Status")),
        NextDueUtc = entity.GetDateTimeOffset("NextDueUtc"),
        ScheduleVersion = entity.GetInt64("ScheduleVersion") ?? 0,
        LastRunId = entity.GetString("LastRunId"),
        Occurrences = entity.GetInt32("Occurrences") ?? 0,
        ManualRuns = entity.GetInt32("ManualRuns") ?? 0,
        Children = ChildrenColumn.Read(entity),
        Arrivals = entity.GetString(ArrivalsColumn) is { Length: > 0 } arrivals ? SchedulerJson.Deserialize<ParentArrivals>(arrivals) : ParentArrivals.None,
        CreatedUtc = Columns.DateOrDefault(entity, "CreatedUtc"),
        UpdatedUtc = Columns.DateOrDefault(entity, "UpdatedUtc"),
        ETag = entity.ETag.ToString(),
    };

    /// <summary><c>,a,b,</c>: a tag matches when the column contains <c>,tag,</c>.</summary>
    public static string TagsColumn(IReadOnlyList<string> tags) => tags.Count == 0 ? "" : "," + string.Join(',', tags) + ",";

    public static bool HasTag(TableEntity entity, string tag) =>
        (entity.GetString("Tags") ?? "").Contains("," + tag + ",", StringComparison.OrdinalIgnoreCase);

    public static bool MatchesText(TableEntity entity, string text) =>
        entity.PartitionKey.Contains(text, StringComparison.OrdinalIgnoreCase)
        || (entity.GetString("Name") ?? "").Contains(text, StringComparison.OrdinalIgnoreCase);
}
