using System.Globalization;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Scheduler.Core.Audit;

namespace Scheduler.Storage.Tables;

/// <summary>Maps audit entries to rows of the audit table. PartitionKey: the day, counted down from the last day a date can have
/// (so days sort newest first and retention drops whole old days); RowKey: the instant, counted down likewise, and a random
/// suffix so that two changes in one tick are two rows. One range query lists across days, newest first.</summary>
internal static class AuditRows
{
    /// <summary>Before and after are kept up to this many characters each (a table string holds 32,768).</summary>
    public const int MaxSnapshotChars = 16_000;

    public const int DayKeyLength = 7;

    public static string DayKey(DateTimeOffset at) =>
        (DateOnly.MaxValue.DayNumber - DateOnly.FromDateTime(at.UtcDateTime).DayNumber).ToString("D7", CultureInfo.InvariantCulture);

    public static string NewRowKey(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture)
        + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    public static TableEntity ToEntity(AuditEntry entry, string rowKey) => new(DayKey(entry.AtUtc), rowKey)
    {
        ["AtUtc"] = entry.AtUtc.ToUniversalTime(),
        ["Caller"] = entry.Caller,
        ["Operation"] = entry.Operation,
        ["EntityKind"] = entry.EntityKind,
        ["EntityId"] = entry.EntityId,
        ["JobId"] = entry.JobId,
        ["Before"] = Bounded(entry.Before),
        ["After"] = Bounded(entry.After),
    };

    public static AuditEntry FromEntity(TableEntity entity) => new()
    {
        Id = entity.RowKey,
        AtUtc = Columns.DateOrDefault(entity, "AtUtc"),
        Caller = Columns.Required(entity, "Caller"),
        Operation = Columns.Required(entity, "Operation"),
        EntityKind = Columns.Required(entity, "EntityKind"),
        EntityId = Columns.Required(entity, "EntityId"),
        JobId = entity.GetString("JobId"),
        Before = entity.GetString("Before"),
        After = entity.GetString("After"),
    };

    /// <summary>A snapshot too large to keep whole is replaced by a JSON note of its size (a cut JSON text would not parse).</summary>
    private static string? Bounded(string? json) =>
        json is null || json.Length <= MaxSnapshotChars
            ? json
            : $"{{\"omitted\":\"{json.Length} characters, more than the {MaxSnapshotChars} an audit entry keeps\"}}";
}
