using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;

namespace Scheduler.Api.Tests;

/// <summary>POST /api/schedules/preview says, per occurrence, its UTC offset and when daylight saving moved or repeated it;
/// a job with that schedule is due at exactly the instant the preview gives.</summary>
[Collection(ApiDefinition.Name)]
public sealed class SchedulePreviewTests(ApiFixture fixture)
{
    [Fact]
    public async Task Preview_TimeThatDoesNotExist_SaysItRunsAtTheEndOfTheGap_AndTheJobIsDueThen()
    {
        using var client = fixture.App.Api();
        var schedule = JobBodies.Cron("30 2 * * *", "America/New_York");
        var body = new JsonObject { ["schedule"] = schedule.DeepClone(), ["count"] = 2, ["fromUtc"] = "2027-03-13T12:00:00Z" };

        var preview = await (await client.PostJsonAsync("/api/schedules/preview", body)).ExpectAsync(HttpStatusCode.OK);

        var moved = preview["occurrences"]![0]!;
        Assert.Equal(new DateTimeOffset(2027, 3, 14, 7, 0, 0, TimeSpan.Zero), moved["utc"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2027-03-14T03:00:00-04:00", moved["local"]!.GetValue<string>());
        Assert.Equal("-04:00", moved["utcOffset"]!.GetValue<string>());
        Assert.Equal("SkippedForward", moved["dstAdjustment"]!.GetValue<string>());
        Assert.Equal("02:30 does not exist on 2027-03-14 in America/New_York: clocks go forward from 02:00 to 03:00 (UTC-05:00 to UTC-04:00). It runs at 03:00 instead.", moved["note"]!.GetValue<string>());
        var ordinary = preview["occurrences"]![1]!.AsObject();
        Assert.Equal("-04:00", ordinary["utcOffset"]!.GetValue<string>());
        Assert.False(ordinary.ContainsKey("note"));
        Assert.False(ordinary.ContainsKey("dstAdjustment"));

        // The scheduler runs what the preview says: a job starting that day is due at the moved instant.
        var id = JobBodies.Unique("dst");
        schedule["startUtc"] = "2027-03-14T00:00:00Z";
        var job = await (await client.PostJsonAsync("/api/jobs", JobBodies.Http(id, fixture.Sink.Url($"ok/{id}"), schedule))).ExpectAsync(HttpStatusCode.Created);
        Assert.Equal(moved["utc"]!.GetValue<DateTimeOffset>(), job["nextDueUtc"]!.GetValue<DateTimeOffset>());
        await client.SendAsync(HttpMethod.Delete, $"/api/jobs/{id}");
    }

    [Fact]
    public async Task Preview_TimeThatComesTwice_SaysItRunsOnceAndInWhichOffset()
    {
        using var client = fixture.App.Api();
        var body = new JsonObject { ["schedule"] = JobBodies.Cron("30 1 * * *", "Europe/London"), ["count"] = 2, ["fromUtc"] = "2027-10-30T12:00:00Z" };

        var preview = await (await client.PostJsonAsync("/api/schedules/preview", body)).ExpectAsync(HttpStatusCode.OK);

        var repeated = preview["occurrences"]![0]!;
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 30, 0, TimeSpan.Zero), repeated["utc"]!.GetValue<DateTimeOffset>());
        Assert.Equal("+01:00", repeated["utcOffset"]!.GetValue<string>());
        Assert.Equal("AmbiguousOnce", repeated["dstAdjustment"]!.GetValue<string>());
        Assert.Equal("01:30 comes twice on 2027-10-31 in Europe/London: clocks go back from 02:00 to 01:00 (UTC+01:00 to UTC+00:00). It runs once, at the first 01:30 (UTC+01:00), not at 01:30 UTC+00:00.", repeated["note"]!.GetValue<string>());
        Assert.Equal("+00:00", preview["occurrences"]![1]!["utcOffset"]!.GetValue<string>());
    }

    [Fact]
    public async Task Preview_IntervalInTheRepeatedHour_RunsAtBothOffsets()
    {
        using var client = fixture.App.Api();
        var body = new JsonObject { ["schedule"] = JobBodies.Cron("0 * * * *", "America/New_York"), ["count"] = 3, ["fromUtc"] = "2027-11-07T04:30:00Z" };

        var preview = await (await client.PostJsonAsync("/api/schedules/preview", body)).ExpectAsync(HttpStatusCode.OK);

        var occurrences = preview["occurrences"]!.AsArray();
        Assert.Equal(["2027-11-07T01:00:00-04:00", "2027-11-07T01:00:00-05:00", "2027-11-07T02:00:00-05:00"], occurrences.Select(o => o!["local"]!.GetValue<string>()));
        Assert.Equal("AmbiguousFirstOfTwo", occurrences[0]!["dstAdjustment"]!.GetValue<string>());
        Assert.Equal("AmbiguousSecondOfTwo", occurrences[1]!["dstAdjustment"]!.GetValue<string>());
        Assert.EndsWith("It runs at both; this is the second (UTC-05:00).", occurrences[1]!["note"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
