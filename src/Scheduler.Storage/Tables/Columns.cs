using System.Globalization;
using Azure.Data.Tables;

namespace Scheduler.Storage.Tables;

/// <summary>Column conventions shared by the adapters: dates the service accepts, time spans as text.</summary>
internal static class Columns
{
    // Table Storage rejects dates before 1601; an unset DateTimeOffset (year 1) is stored as no value.
    private static readonly DateTimeOffset MinStorable = new(1601, 1, 2, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset? Date(DateTimeOffset? value) =>
        value is { } v && v >= MinStorable ? v.ToUniversalTime() : null;

    public static DateTimeOffset DateOrDefault(TableEntity entity, string column) =>
        entity.GetDateTimeOffset(column) ?? default;

    public static string Span(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    public static TimeSpan SpanOr(TableEntity entity, string column, TimeSpan fallback) =>
        entity.GetString(column) is { } text ? TimeSpan.ParseExact(text, "c", CultureInfo.InvariantCulture) : fallback;

    public static string Required(TableEntity entity, string column) =>
        entity.GetString(column) ?? throw new InvalidDataException(
            $"Entity '{entity.PartitionKey}'/'{entity.RowKey}' has no '{column}' column.");
}
