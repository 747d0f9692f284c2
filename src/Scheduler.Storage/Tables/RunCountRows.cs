using System.Globalization;
using Azure.Data.Tables;
using Scheduler.Core.Stats;

namespace Scheduler.Storage.Tables;

/// <summary>One row per UTC minute: PartitionKey the day (<c>yyyyMMdd</c>), RowKey the minute (<c>HHmm</c>); a column per final
/// status (<c>Succeeded</c>, ...) and per non-empty lateness bucket (<c>L00</c> ...).</summary>
internal static class RunCountRows
{
    public static string PartitionOf(DateTimeOffset minute) => minute.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string RowOf(DateTimeOffset minute) => minute.UtcDateTime.ToString("HHmm", CultureInfo.InvariantCulture);

    public static TableEntity ToEntity(RunCounts counts)
    {
        var entity = new TableEntity(PartitionOf(counts.Minute), RowOf(counts.Minute));
        foreach (var status in RunCounts.Outcomes)
        {
            if (counts.FinishedWith(status) is var n && n != 0)
            {
                entity[status.ToString()] = n;
            }
        }

        for (var k = 0; k < counts.Lateness.Count; k++)
        {
            if (counts.Lateness[k] != 0)
            {
                entity[Bucket(k)] = counts.Lateness[k];
            }
        }

        return entity;
    }

    public static RunCounts FromEntity(TableEntity entity)
    {
        var minute = DateTimeOffset.ParseExact(entity.PartitionKey + entity.RowKey, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var lateness = new long[LatenessBuckets.Count];
        for (var k = 0; k < lateness.Length; k++)
        {
            lateness[k] = entity.GetInt64(Bucket(k)) ?? 0;
        }

        return new RunCounts
        {
            Minute = minute,
            Finished = RunCounts.Outcomes.ToDictionary(s => s, s => entity.GetInt64(s.ToString()) ?? 0),
            Lateness = lateness,
            ETag = entity.ETag.ToString(),
        };
    }

    private static string Bucket(int k) => "L" + k.ToString("D2", CultureInfo.InvariantCulture);
}
