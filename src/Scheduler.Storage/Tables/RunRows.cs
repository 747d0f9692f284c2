using Azure.Data.Tables;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>Maps runs and attempts to rows of the jobs table, in their job's partition (PartitionKey = job id; RowKey = run id, or <c>{runId}|a{n:D3}</c> for an attempt;
/// a run's follow-ups are <see cref="FollowUpRows"/>).</summary>
internal static class RunRows
{
    public const string RowType = "RowType";
    public const string RunType = "run";
    public const string AttemptType = "attempt";
    /// <summary>Filter clause selecting run rows (not attempts).</summary>
    public const string IsRun = RowType + " eq '" + RunType + "'";

    public static string AttemptKey(string runId, int number) => $"{runId}|a{number:D3}";

    public static TableEntity ToEntity(Run run)
    {
        var entity = new TableEntity(run.JobId, run.RunId)
        {
            [RowType] = RunType,
            ["Status"] = run.Status.ToString(),
            ["Trigger"] = run.Trigger.ToString(),
            ["Lane"] = run.Lane,
            ["DueUtc"] = run.DueUtc.ToUniversalTime(),
            ["CreatedUtc"] = Columns.Date(run.CreatedUtc),
            ["AttemptCount"] = run.AttemptCount,
            ["InFlightAttempt"] = run.InFlightAttempt,
            ["InFlightSinceUtc"] = Columns.Date(run.InFlightSinceUtc),
            ["StartedUtc"] = Columns.Date(run.StartedUtc),
            ["FinishedUtc"] = Columns.Date(run.FinishedUtc),
            ["LatenessMs"] = run.LatenessMs,
            ["LastError"] = Excerpts.Cut(run.LastError, Excerpts.RunColumnChars),
            ["ResultExcerpt"] = Excerpts.Cut(run.ResultExcerpt, Excerpts.RunColumnChars),
            ["CancelRequested"] = run.CancelRequested,
            ["SlotLane"] = run.Slot?.Lane,
            ["SlotNumber"] = run.Slot?.Number,
            ["SlotETag"] = run.Slot?.ETag,
            [FollowUpRows.PendingColumn] = run.FollowUpsPending,
        };
        LargeText.Write(entity, "Definition", SchedulerJson.Serialize(run.Definition));
        InputsColumn.Write(entity, run.Inputs);
        ChildrenColumn.Write(entity, run.Children);
        return entity;
    }

    public static Run FromEntity(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        RunId = entity.RowKey,
        DueUtc = entity.GetDateTimeOffset("DueUtc") ?? default,
        Status = Enum.Parse<RunStatus>(Columns.Required(entity, "Status")),
        Trigger = Enum.TryParse<RunTrigger>(entity.GetString("Trigger"), out var trigger) ? trigger : RunTrigger.Schedule,
        Definition = SchedulerJson.Deserialize<JobDefinition>(LargeText.Read(entity, "Definition")),
        Inputs = InputsColumn.Read(entity),
        Children = ChildrenColumn.Read(entity),
        CreatedUtc = Columns.DateOrDefault(entity, "CreatedUtc"),
        AttemptCount = entity.GetInt32("AttemptCount") ?? 0,
        InFlightAttempt = entity.GetInt32("InFlightAttempt"),
        InFlightSinceUtc = entity.GetDateTimeOffset("InFlightSinceUtc"),
        StartedUtc = entity.GetDateTimeOffset("StartedUtc"),
        FinishedUtc = entity.GetDateTimeOffset("FinishedUtc"),
        LatenessMs = entity.GetDouble("LatenessMs"),
        LastError = entity.GetString("LastError"),
        ResultExcerpt = entity.GetString("ResultExcerpt"),
        CancelRequested = entity.GetBoolean("CancelRequested") ?? false,
        Slot = entity.GetString("SlotLane") is { } lane && entity.GetInt32("SlotNumber") is { } number
            ? new SlotHold(lane, number, entity.GetString("SlotETag"))
            : null,
        FollowUpsPending = entity.GetBoolean(FollowUpRows.PendingColumn) ?? false,
        ETag = entity.ETag.ToString(),
    };

    /// <summary>A run's summary from a row read with its status and times only.</summary>
    public static RunSummary SummaryOf(string runId, TableEntity entity) => new(
        runId,
        Enum.Parse<RunStatus>(Columns.Required(entity, "Status")),
        entity.GetDateTimeOffset("DueUtc") ?? default,
        entity.GetDateTimeOffset("StartedUtc"),
        entity.GetDateTimeOffset("FinishedUtc"));

    public static TableEntity ToEntity(AttemptRecord attempt) => new(attempt.JobId, AttemptKey(attempt.RunId, attempt.Number))
    {
        [RowType] = AttemptType,
        ["RunId"] = attempt.RunId,
        ["Number"] = attempt.Number,
        ["Status"] = attempt.Result.Status.ToString(),
        ["StartedUtc"] = Columns.Date(attempt.StartedUtc),
        ["FinishedUtc"] = Columns.Date(attempt.FinishedUtc),
        ["Result"] = Excerpts.AttemptJson(attempt.Result),
    };

    public static AttemptRecord AttemptFromEntity(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        RunId = Columns.Required(entity, "RunId"),
        Number = entity.GetInt32("Number") ?? 0,
        StartedUtc = Columns.DateOrDefault(entity, "StartedUtc"),
        FinishedUtc = Columns.DateOrDefault(entity, "FinishedUtc"),
        Result = SchedulerJson.Deserialize<AttemptResult>(Columns.Required(entity, "Result")),
    };
}
