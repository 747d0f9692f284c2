using System.Text.Json.Nodes;

namespace Scheduler.Cli.Tests;

/// <summary><c>config get|set</c>, <c>stats</c> and <c>cron preview</c>.</summary>
[Collection("cli")]
public sealed class OpsCommandTests(CliFixture fixture)
{
    [Fact]
    public async Task ConfigSet_ChangesBudgetsAndPauseAll_AndConfigGetShowsThem()
    {
        var original = (await fixture.Host.GetAsync("api/config"))!.AsObject();
        try
        {
            var set = await fixture.Cli.RunAsync("config", "set", "--default-concurrency", "12", "--lane", "cli-lane=3", "--pause-all", "true");
            Assert.True(set.ExitCode == 0, set.ToString());
            Assert.Contains("Config saved", set.Stdout, StringComparison.Ordinal);

            var table = await fixture.Cli.RunAsync("config", "get");
            Assert.Contains("Default lane budget", table.Stdout, StringComparison.Ordinal);
            Assert.Contains("12", table.Stdout, StringComparison.Ordinal);
            Assert.Contains("Lane cli-lane", table.Stdout, StringComparison.Ordinal);

            var json = await fixture.Cli.RunAsync("config", "get", "-o", "json");
            Assert.Equal(12, json.Json["defaultLaneConcurrency"]!.GetValue<int>());
            Assert.Equal(3, json.Json["lanes"]!["cli-lane"]!.GetValue<int>());
            Assert.True(json.Json["pauseAll"]!.GetValue<bool>());

            var removed = await fixture.Cli.RunAsync("config", "set", "--remove-lane", "cli-lane", "--pause-all", "false", "-o", "json");
            Assert.Null(removed.Json["lanes"]!["cli-lane"]);
            Assert.False(removed.Json["pauseAll"]!.GetValue<bool>());

            var invalid = await fixture.Cli.RunAsync("config", "set", "--default-concurrency", "5000");
            Assert.Equal(ExitCodes.Rejected, invalid.ExitCode);
            Assert.Contains("defaultLaneConcurrency: ", invalid.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await fixture.Host.PutConfigAsync(original);
        }
    }

    [Fact]
    public async Task Stats_PrintsTablesAndJson()
    {
        var table = await fixture.Cli.RunAsync("stats");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Runs (last hour)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Lateness p50 / p95 / p99", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Lanes", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("default", table.Stdout, StringComparison.Ordinal);

        var json = await fixture.Cli.RunAsync("stats", "-o", "json");
        Assert.True(json.ExitCode == 0, json.ToString());
        Assert.IsType<JsonArray>(json.Json["lanes"]);
        Assert.NotNull(json.Json["latenessMs"]);
    }

    [Fact]
    public async Task CronPreview_PrintsTheNextOccurrencesInBothZones()
    {
        var table = await fixture.Cli.RunAsync("cron", "preview", "0 9 * * MON-FRI", "--tz", "Europe/Paris", "--count", "3", "--from", "2030-01-01T00:00:00Z");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Europe/Paris", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2030-01-01 08:00:00Z", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("2030-01-03 08:00:00Z", table.Stdout, StringComparison.Ordinal);

        var json = await fixture.Cli.RunAsync("cron", "preview", "*/15 * * * *", "-c", "4", "-o", "json");
        Assert.Equal(4, json.Json["occurrences"]!.AsArray().Count);
        Assert.Equal("UTC", json.Json["timeZone"]!.GetValue<string>());

        var invalid = await fixture.Cli.RunAsync("cron", "preview", "every day");
        Assert.Equal(ExitCodes.Rejected, invalid.ExitCode);
        Assert.Contains("schedule.cron: ", invalid.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CronPreview_AcrossDaylightSavingChanges_SaysWhichOccurrencesMovedOrComeTwice()
    {
        var spring = await fixture.Cli.RunAsync("cron", "preview", "30 2 * * *", "--tz", "America/New_York", "--count", "2", "--from", "2027-03-13T12:00:00Z");
        Assert.True(spring.ExitCode == 0, spring.ToString());
        Assert.Contains("Daylight saving", spring.Stdout, StringComparison.Ordinal);
        Assert.Contains("2027-03-14 03:00:00 -04:00", spring.Stdout, StringComparison.Ordinal);
        Assert.Contains("02:30 does not exist on 2027-03-14 in America/New_York: clocks go forward from 02:00 to 03:00 (UTC-05:00 to UTC-04:00). It runs at 03:00 instead.", Unwrapped(spring.Stdout), StringComparison.Ordinal);

        var autumn = await fixture.Cli.RunAsync("cron", "preview", "30 1 * * *", "--tz", "Europe/London", "--count", "2", "--from", "2027-10-30T12:00:00Z");
        Assert.True(autumn.ExitCode == 0, autumn.ToString());
        Assert.Contains("2027-10-31 01:30:00 +01:00", autumn.Stdout, StringComparison.Ordinal);
        Assert.Contains("It runs once, at the first 01:30 (UTC+01:00), not at 01:30 UTC+00:00.", Unwrapped(autumn.Stdout), StringComparison.Ordinal);

        // Without a change in sight the table keeps its three columns.
        var plain = await fixture.Cli.RunAsync("cron", "preview", "0 9 * * *", "--tz", "Europe/Paris", "--count", "2", "--from", "2030-01-01T00:00:00Z");
        Assert.DoesNotContain("Daylight saving", plain.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The table's text with cell borders and line wraps removed, so that a note wrapped in its column reads as one sentence.</summary>
    private static string Unwrapped(string table) =>
        string.Join(' ', table.Split('\n').Select(line => line.Split('│', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(c => c.Trim().Length > 0)?.Trim() ?? ""));
}
