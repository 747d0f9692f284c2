using System.Globalization;
using Scheduler.Core.Schedules;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Schedules;

/// <summary>The daylight-saving notes of a cron preview describe what Cronos computes (and so what the sweep runs).</summary>
public sealed class DaylightSavingNotesTests
{
    [Fact]
    public void Describe_TimeInSpringForwardGap_SaysItRunsAtTheEndOfTheGap()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("30 2 * * *", "America/New_York"), Utc("2027-03-13T12:00:00Z"), 2);

        Assert.Equal(Utc("2027-03-14T07:00:00Z"), occurrences[0].Utc);
        Assert.Equal("-04:00", occurrences[0].UtcOffset);
        Assert.Equal(DstAdjustment.SkippedForward, occurrences[0].Adjustment);
        Assert.Equal("02:30 does not exist on 2027-03-14 in America/New_York: clocks go forward from 02:00 to 03:00 (UTC-05:00 to UTC-04:00). It runs at 03:00 instead.", occurrences[0].Note);
        Assert.Equal(Utc("2027-03-15T06:30:00Z"), occurrences[1].Utc);
        Assert.Null(occurrences[1].Adjustment);
        Assert.Null(occurrences[1].Note);
    }

    [Fact]
    public void Describe_SeveralTimesInTheGap_SaysTheyRunOnce()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("*/15 2 * * *", "America/New_York"), Utc("2027-03-13T12:00:00Z"), 2);

        Assert.Equal(Utc("2027-03-14T07:00:00Z"), occurrences[0].Utc);
        Assert.Equal("02:00, 02:15, 02:30 and 02:45 do not exist on 2027-03-14 in America/New_York: clocks go forward from 02:00 to 03:00 (UTC-05:00 to UTC-04:00). They run once, at 03:00.", occurrences[0].Note);
        Assert.Equal(Utc("2027-03-15T06:00:00Z"), occurrences[1].Utc);
    }

    [Fact]
    public void Describe_HourlyOverTheGap_SaysTheMissingHourJoinsTheNextRun()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("0 * * * *", "America/New_York"), Utc("2027-03-14T06:00:00Z"), 3);

        Assert.Equal([Utc("2027-03-14T06:00:00Z"), Utc("2027-03-14T07:00:00Z"), Utc("2027-03-14T08:00:00Z")], occurrences.Select(o => o.Utc));
        Assert.Null(occurrences[0].Note);
        Assert.EndsWith("It runs at 03:00 instead, together with the 03:00 run (one run).", occurrences[1].Note, StringComparison.Ordinal);
        Assert.Null(occurrences[2].Note);
    }

    [Fact]
    public void Describe_TimeAtTheEndOfTheGapThatTheExpressionNames_HasNoNote()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("0 3 * * *", "America/New_York"), Utc("2027-03-13T12:00:00Z"), 1);

        Assert.Equal(Utc("2027-03-14T07:00:00Z"), occurrences[0].Utc);
        Assert.Null(occurrences[0].Adjustment);
    }

    [Fact]
    public void Describe_RepeatedTimeInLondon_SaysItRunsOnceInSummerTime()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("30 1 * * *", "Europe/London"), Utc("2027-10-30T12:00:00Z"), 2);

        Assert.Equal(Utc("2027-10-31T00:30:00Z"), occurrences[0].Utc);
        Assert.Equal("+01:00", occurrences[0].UtcOffset);
        Assert.Equal(DstAdjustment.AmbiguousOnce, occurrences[0].Adjustment);
        Assert.Equal("01:30 comes twice on 2027-10-31 in Europe/London: clocks go back from 02:00 to 01:00 (UTC+01:00 to UTC+00:00). It runs once, at the first 01:30 (UTC+01:00), not at 01:30 UTC+00:00.", occurrences[0].Note);
        Assert.Equal(Utc("2027-11-01T01:30:00Z"), occurrences[1].Utc);
        Assert.Equal("+00:00", occurrences[1].UtcOffset);
        Assert.Null(occurrences[1].Note);
    }

    [Fact]
    public void Describe_IntervalInTheRepeatedHour_SaysItRunsAtBoth()
    {
        var occurrences = ScheduleCalculator.Describe(TestJobs.Cron("*/30 1 * * *", "America/New_York"), Utc("2027-11-07T04:00:00Z"), 4);

        Assert.Equal([Utc("2027-11-07T05:00:00Z"), Utc("2027-11-07T05:30:00Z"), Utc("2027-11-07T06:00:00Z"), Utc("2027-11-07T06:30:00Z")], occurrences.Select(o => o.Utc));
        Assert.Equal([DstAdjustment.AmbiguousFirstOfTwo, DstAdjustment.AmbiguousFirstOfTwo, DstAdjustment.AmbiguousSecondOfTwo, DstAdjustment.AmbiguousSecondOfTwo], occurrences.Select(o => o.Adjustment));
        Assert.Equal(["-04:00", "-04:00", "-05:00", "-05:00"], occurrences.Select(o => o.UtcOffset));
        Assert.EndsWith("It runs at both; this is the second (UTC-05:00).", occurrences[3].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_IntervalAndUtcSchedules_HaveNoNote()
    {
        var cron = ScheduleCalculator.Describe(TestJobs.Cron("30 1 * * *", "UTC"), Utc("2027-10-30T12:00:00Z"), 2);

        Assert.All(cron, o => Assert.Null(o.Note));
        Assert.All(cron, o => Assert.Equal("+00:00", o.UtcOffset));
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
