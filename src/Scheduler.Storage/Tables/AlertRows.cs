using System.Globalization;
using Azure.Data.Tables;
using Scheduler.Core.Alerts;
using Scheduler.Core.Serialization;

namespace Scheduler.Storage.Tables;

/// <summary>Maps a job's alert state and history to rows of its partition of the jobs table: RowKey <c>alert|state</c> (RowType
/// <c>alertstate</c>) and <c>alert|h{place:D4}</c> (RowType <c>alert</c>), a ring of the job's newest alerts.</summary>
internal static class AlertRows
{
    public const string StateKey = "alert|state";
    public const string StateType = "alertstate";
    public const string RecordType = "alert";

    public static string RecordKey(long slot) => "alert|h" + slot.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>The job's history rows: keys from <c>alert|h</c> up to (not including) <c>alert|i</c>.</summary>
    public static string History(string jobId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {jobId} and RowKey ge {"alert|h"} and RowKey lt {"alert|i"}");

    public static TableEntity ToEntity(AlertState state) => new(state.JobId, StateKey)
    {
        [RunRows.RowType] = StateType,
        ["Streak"] = state.Streak,
        ["Failing"] = state.Failing,
        ["LastSuccessUtc"] = Columns.Date(state.LastSuccessUtc),
        ["ArmedFromUtc"] = Columns.Date(state.ArmedFromUtc),
        ["RecentRunIds"] = SchedulerJson.Serialize(state.RecentRunIds),
        ["LastSentUtc"] = SchedulerJson.Serialize(state.LastSentUtc),
        ["Armed"] = SchedulerJson.Serialize(state.Armed),
        ["Fired"] = SchedulerJson.Serialize(state.Fired),
        ["Recorded"] = state.Recorded,
    };

    public static AlertState StateOf(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        Streak = entity.GetInt32("Streak") ?? 0,
        Failing = entity.GetBoolean("Failing") ?? false,
        LastSuccessUtc = entity.GetDateTimeOffset("LastSuccessUtc"),
        ArmedFromUtc = entity.GetDateTimeOffset("ArmedFromUtc"),
        RecentRunIds = Json<List<string>>(entity, "RecentRunIds") ?? [],
        LastSentUtc = Json<Dictionary<int, DateTimeOffset>>(entity, "LastSentUtc") ?? [],
        Armed = Json<List<int>>(entity, "Armed") ?? [],
        Fired = Json<List<int>>(entity, "Fired") ?? [],
        Recorded = entity.GetInt64("Recorded") ?? 0,
        ETag = entity.ETag.ToString(),
    };

    public static TableEntity ToEntity(AlertRecord record) => new(record.JobId, RecordKey(record.Slot))
    {
        [RunRows.RowType] = RecordType,
        ["AlertId"] = record.Id,
        ["Rule"] = record.Rule,
        ["On"] = record.On.ToString(),
        ["RunId"] = record.RunId,
        ["AtUtc"] = Columns.Date(record.AtUtc),
        ["Sent"] = record.Sent,
        ["Reason"] = Excerpts.Cut(record.Reason, Excerpts.RunColumnChars),
        ["Url"] = record.Url,
        ["Slot"] = record.Slot,
        ["DeliveredUtc"] = Columns.Date(record.DeliveredUtc),
        ["Tries"] = record.Tries,
        ["LastError"] = Excerpts.Cut(record.LastError, Excerpts.RunColumnChars),
        ["GaveUpUtc"] = Columns.Date(record.GaveUpUtc),
    };

    public static AlertRecord RecordOf(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        Id = Columns.Required(entity, "AlertId"),
        Rule = entity.GetInt32("Rule") ?? 0,
        On = Enum.Parse<AlertOn>(Columns.Required(entity, "On")),
        RunId = entity.GetString("RunId"),
        AtUtc = Columns.DateOrDefault(entity, "AtUtc"),
        Sent = entity.GetBoolean("Sent") ?? false,
        Reason = entity.GetString("Reason") ?? "",
        Url = entity.GetString("Url") ?? "",
        Slot = entity.GetInt64("Slot") ?? 0,
        DeliveredUtc = entity.GetDateTimeOffset("DeliveredUtc"),
        Tries = entity.GetInt32("Tries") ?? 0,
        LastError = entity.GetString("LastError"),
        GaveUpUtc = entity.GetDateTimeOffset("GaveUpUtc"),
        ETag = entity.ETag.ToString(),
    };

    private static T? Json<T>(TableEntity entity, string column) where T : class =>
        entity.GetString(column) is { Length: > 0 } json ? SchedulerJson.Deserialize<T>(json) : null;
}
