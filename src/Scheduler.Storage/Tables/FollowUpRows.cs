using Azure.Data.Tables;
using Scheduler.Core.FollowUps;

namespace Scheduler.Storage.Tables;

/// <summary>Maps follow-ups to rows of the jobs table, in their run's (and job's) partition: RowKey <c>{runId}|f{n:D2}</c>, RowType <c>followup</c>.</summary>
internal static class FollowUpRows
{
    public const string FollowUpType = "followup";
    public const string PendingColumn = "FollowUpsPending";

    public static string Key(string runId, int number) => $"{runId}|f{number:D2}";

    /// <summary>The run's follow-up rows: keys from <c>{runId}|f</c> up to (not including) <c>{runId}|g</c>.</summary>
    public static string Of(string jobId, string runId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {jobId} and RowKey gt {runId + "|f"} and RowKey lt {runId + "|g"}");

    public static TableEntity ToEntity(FollowUp followUp) => new(followUp.JobId, Key(followUp.RunId, followUp.Number))
    {
        [RunRows.RowType] = FollowUpType,
        ["RunId"] = followUp.RunId,
        ["Number"] = followUp.Number,
        ["Kind"] = followUp.Kind,
        ["Target"] = followUp.Target,
        ["Tries"] = followUp.Tries,
        ["LastTriedUtc"] = Columns.Date(followUp.LastTriedUtc),
        ["LastError"] = Excerpts.Cut(followUp.LastError, Excerpts.RunColumnChars),
        ["GaveUpUtc"] = Columns.Date(followUp.GaveUpUtc),
    };

    public static FollowUp FromEntity(TableEntity entity) => new()
    {
        JobId = entity.PartitionKey,
        RunId = Columns.Required(entity, "RunId"),
        Number = entity.GetInt32("Number") ?? 0,
        Kind = Columns.Required(entity, "Kind"),
        Target = Columns.Required(entity, "Target"),
        Tries = entity.GetInt32("Tries") ?? 0,
        LastTriedUtc = entity.GetDateTimeOffset("LastTriedUtc"),
        LastError = entity.GetString("LastError"),
        GaveUpUtc = entity.GetDateTimeOffset("GaveUpUtc"),
        ETag = entity.ETag.ToString(),
    };

    /// <summary>The run row's pending flag cleared, and nothing else of it touched (a merge of one column).</summary>
    public static TableEntity PendingCleared(string jobId, string runId) => new(jobId, runId) { [PendingColumn] = false };
}
