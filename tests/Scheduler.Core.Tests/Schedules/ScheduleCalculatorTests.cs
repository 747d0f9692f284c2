using System.Globalization;
using Scheduler.Core.Schedules;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Schedules;

public sealed class ScheduleCalculatorTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public void Preview_FiveFieldCronInZone_WeekdaysAtLocalNine()
    {
        var spec = TestJobs.Cron("0 9 * * 1-5", "Europe/Paris");

        var next = ScheduleCalculator.Preview(spec, Utc("2025-06-06T00:00:00Z"), 3);

        Assert.Equal([Utc("2025-06-06T07:00:00Z"), Utc("2025-06-09T07:00:00Z"), Utc("2025-06-10T07:00:00Z")], next);
    }

    [Fact]
    public void Preview_SixFieldCron_HasSecondPrecisionAndIncludesStart()
    {
        var spec = TestJobs.Cron("*/15 * * * * *");

        var next = ScheduleCalculator.Preview(spec, T, 3);

        Assert.Equal([T, T.AddSeconds(15), T.AddSeconds(30)], next);
    }

    [Theory]
    [InlineData("Europe/Paris", "2025-03-29T00:00:00Z", "2025-03-29T01:30:00Z", "2025-03-30T01:00:00Z", "2025-03-31T00:30:00Z")]
    [InlineData("America/New_York", "2025-03-08T00:00:00Z", "2025-03-08T07:30:00Z", "2025-03-09T07:00:00Z", "2025-03-10T06:30:00Z")]
    public void Preview_DailyAt0230OnSpringForward_RunsOnceAtNextValidInstant(string zone, string from, string before, string onTransition, string after)
    {
        var spec = TestJobs.Cron("30 2 * * *", zone);

        var next = ScheduleCalculator.Preview(spec, Utc(from), 3);

        // 02:30 does not exist that day: the run happens at 03:00 local (the instant the clock jumps to), once.
        Assert.Equal([Utc(before), Utc(onTransition), Utc(after)], next);
    }

    [Theory]
    [InlineData("Europe/Paris", "2025-10-26", "2025-10-25T23:30:00Z")]
    [InlineData("America/New_York", "2025-11-02", "2025-11-02T05:30:00Z")]
    public void Preview_DailyAt0130OnFallBack_RunsOnceThatDay(string zone, string fallBackDay, string expected)
    {
        var spec = TestJobs.Cron("30 1 * * *", zone);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var day = DateOnly.Parse(fallBackDay, CultureInfo.InvariantCulture);

        var next = ScheduleCalculator.Preview(spec, Utc(fallBackDay + "T00:00:00Z").AddDays(-2), 6);
        var thatDay = next.Where(o => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(o, tz).DateTime) == day).ToList();

        Assert.Equal([Utc(expected)], thatDay);
    }

    [Fact]
    public void Preview_AmbiguousLocalTimeInParis_RunsOnceAtFirstInstant()
    {
        // 02:30 happens twice on 2025-10-26 in Paris (00:30Z in summer time, 01:30Z in winter time).
        var spec = TestJobs.Cron("30 2 * * *", "Europe/Paris");

        var next = ScheduleCalculator.Preview(spec, Utc("2025-10-25T12:00:00Z"), 2);

        Assert.Equal([Utc("2025-10-26T00:30:00Z"), Utc("2025-10-27T01:30:00Z")], next);
    }

    [Fact]
    public void Preview_IntervalWithEnd_StopsAtEndBound()
    {
        var spec = TestJobs.Every(TimeSpan.FromMinutes(10), T) with { EndUtc = T.AddMinutes(25) };

        var next = ScheduleCalculator.Preview(spec, T, 10);

        Assert.Equal([T, T.AddMinutes(10), T.AddMinutes(20)], next);
    }

    [Fact]
    public void Next_CronPastEnd_ReturnsNull()
    {
        var spec = TestJobs.Cron("0 * * * *") with { EndUtc = T.AddMinutes(90) };

        var beforeEnd = ScheduleCalculator.Next(spec, T, T, 1);
        var afterEnd = ScheduleCalculator.Next(spec, T, T.AddHours(1), 2);

        Assert.Equal(T.AddHours(1), beforeEnd);
        Assert.Null(afterEnd);
    }

    [Fact]
    public void Next_MaxOccurrencesReached_ReturnsNull()
    {
        var spec = TestJobs.Every(TimeSpan.FromHours(1)) with { MaxOccurrences = 2 };

        var preview = ScheduleCalculator.Preview(spec, T, 10);
        var afterOne = ScheduleCalculator.Next(spec, T, T, occurrencesSoFar: 1);
        var afterTwo = ScheduleCalculator.Next(spec, T, T.AddHours(1), occurrencesSoFar: 2);

        Assert.Equal([T, T.AddHours(1)], preview);
        Assert.Equal(T.AddHours(1), afterOne);
        Assert.Null(afterTwo);
    }

    [Fact]
    public void First_IntervalWithStart_IsAnchoredAtStartNotNow()
    {
        var spec = TestJobs.Every(TimeSpan.FromMinutes(15), T.AddMinutes(7));

        var first = ScheduleCalculator.First(spec, T, T.AddMinutes(30));
        var next = ScheduleCalculator.Next(spec, T, first!.Value, 1);

        Assert.Equal(T.AddMinutes(37), first);
        Assert.Equal(T.AddMinutes(52), next);
    }

    [Fact]
    public void First_IntervalWithoutStart_IsAnchoredAtCreation()
    {
        var created = T.AddSeconds(3);
        var spec = TestJobs.Every(TimeSpan.FromMinutes(10));

        var atCreation = ScheduleCalculator.First(spec, created, created);
        var later = ScheduleCalculator.First(spec, created, T.AddMinutes(20));

        Assert.Equal(created, atCreation);
        Assert.Equal(T.AddMinutes(20).AddSeconds(3), later);
    }

    [Fact]
    public void First_IntervalWithFutureStart_IsTheStart()
    {
        var spec = TestJobs.Every(TimeSpan.FromMinutes(5), T.AddHours(1));

        Assert.Equal(T.AddHours(1), ScheduleCalculator.First(spec, T, T));
    }

    [Fact]
    public void FirstAndNext_OnceAt_RunsOnceAtThatInstant()
    {
        var spec = TestJobs.Once(T.AddMinutes(5));

        Assert.Equal(T.AddMinutes(5), ScheduleCalculator.First(spec, T, T));
        Assert.Null(ScheduleCalculator.Next(spec, T, T.AddMinutes(5), 1));
    }

    [Fact]
    public void First_OnceAfterDelay_IsCreationPlusDelay()
    {
        var spec = TestJobs.After(TimeSpan.FromSeconds(90));

        Assert.Equal(T.AddSeconds(90), ScheduleCalculator.First(spec, T, T));
    }

    [Fact]
    public void Preview_OnceSchedule_HasOneOccurrence()
    {
        Assert.Equal([T.AddMinutes(1)], ScheduleCalculator.Preview(TestJobs.Once(T.AddMinutes(1)), T, 5));
    }

    [Fact]
    public void Preview_Count_LimitsTheResult()
    {
        var next = ScheduleCalculator.Preview(TestJobs.Cron("0 0 * * *"), T, 4);

        Assert.Equal(4, next.Count);
        Assert.Equal(Utc("2025-06-03T00:00:00Z"), next[0]);
        Assert.Equal(Utc("2025-06-06T00:00:00Z"), next[3]);
    }

    [Fact]
    public void Resume_PausedOnceJobThatNeverRan_RunsAtItsTimeEvenIfPast()
    {
        var spec = TestJobs.Once(T.AddMinutes(5));

        var resumed = ScheduleCalculator.Resume(spec, T, T.AddMinutes(10), occurrencesSoFar: 0);

        Assert.Equal(T.AddMinutes(5), resumed);
    }

    [Fact]
    public void Resume_PausedOnceJobThatRan_HasNoNextOccurrence()
    {
        Assert.Null(ScheduleCalculator.Resume(TestJobs.Once(T.AddMinutes(5)), T, T.AddMinutes(10), occurrencesSoFar: 1));
    }

    [Fact]
    public void Resume_RecurringJob_ResumesFromNowIncludingNow()
    {
        var spec = TestJobs.Every(TimeSpan.FromMinutes(10));

        Assert.Equal(T.AddMinutes(30), ScheduleCalculator.Resume(spec, T, T.AddMinutes(30), 2));
        Assert.Equal(T.AddMinutes(40), ScheduleCalculator.Resume(spec, T, T.AddMinutes(31), 2));
    }

    [Fact]
    public void Resume_CronJobPausedBeforeItsStart_RunsAtTheStart()
    {
        // First() of the same schedule runs at the start; resuming before the start must agree with it.
        var spec = TestJobs.Cron("0 * * * *") with { StartUtc = T.AddHours(2) };

        var first = ScheduleCalculator.First(spec, T, T);
        var resumed = ScheduleCalculator.Resume(spec, T, T, occurrencesSoFar: 0);

        Assert.Equal(T.AddHours(2), first);
        Assert.Equal(T.AddHours(2), resumed);
    }

    private static DateTimeOffset Utc(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
