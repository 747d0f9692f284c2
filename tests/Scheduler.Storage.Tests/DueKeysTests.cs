using Scheduler.Storage.Tables;

namespace Scheduler.Storage.Tests;

public sealed class DueKeysTests
{
    private static readonly DateTimeOffset Due = new(2030, 5, 6, 7, 8, 9, TimeSpan.FromHours(2));

    [Fact]
    public void RowKey_ThenParse_RoundTrips()
    {
        var key = DueKeys.RowKey(Due.AddTicks(1234), 7, "job-1.a_b");

        var (due, priority, jobId) = DueKeys.Parse(key);

        Assert.Equal(Due.AddTicks(1234), due);
        Assert.Equal(TimeSpan.Zero, due.Offset);
        Assert.Equal(7, priority);
        Assert.Equal("job-1.a_b", jobId);
        Assert.Equal($"{Due.UtcTicks + 1234:D19}-2-job-1.a_b", key);
    }

    [Fact]
    public void RowKey_OrdinalOrder_IsDueThenHighestPriorityFirst()
    {
        string[] keys =
        [
            DueKeys.RowKey(Due.AddSeconds(1), 9, "a"),
            DueKeys.RowKey(Due, 0, "b"),
            DueKeys.RowKey(Due, 9, "c"),
        ];

        Array.Sort(keys, StringComparer.Ordinal);

        Assert.Equal(["c", "b", "a"], keys.Select(k => DueKeys.Parse(k).JobId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("123-4-job")]
    [InlineData("000000000000000000x-4-job")]
    public void Parse_NotADueKey_ThrowsFormatException(string key)
    {
        Assert.Throws<FormatException>(() => DueKeys.Parse(key));
    }
}
