using System.Globalization;
using Microsoft.Playwright;
using Scheduler.Core.Runs;
using Scheduler.Core.Stats;
using Scheduler.Storage;
using Scheduler.Storage.Tables;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The overview's charts come from the server's run counters: a fresh tab shows the whole seeded hour (and day).</summary>
[Collection("dashboard")]
public sealed class OverviewHistoryTests(DashboardFixture fixture)
{
    /// <summary>Far above what the suite's own jobs can run in a minute (the busiest runs every 2 s), so it is the busiest minute.</summary>
    private const int PeakRuns = 150;
    private static readonly TimeZoneInfo Viewer = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public async Task FreshTab_ShowsTheSeededHour_AndTheDay()
    {
        SetDefaultExpectTimeout(15_000);
        var now = DateTimeOffset.UtcNow;
        var peak = RunCounts.MinuteOf(now.AddMinutes(-45));
        var seeded = await SeedHourAsync(now, peak);

        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        var summary = page.Locator("#runs-summary");
        await Expect(summary).ToContainTextAsync($"busiest minute {TimeZoneInfo.ConvertTime(peak, Viewer):HH:mm} with {PeakRuns}");
        var total = int.Parse(System.Text.RegularExpressions.Regex.Match(await summary.InnerTextAsync(), @"Last hour: ([\d,]+) run").Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.InRange(total, seeded, seeded + 2_000);
        await Expect(page.Locator("#lateness-now")).ToContainTextAsync("early");
        await Expect(page.Locator("#chart-runs")).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("per minute"));
        await page.WaitForTimeoutAsync(300); // the canvas paints on the next frame after the data arrives
        await DashboardFixture.ScreenshotAsync(page, "overview-history-hour");

        await page.GetByRole(AriaRole.Button, new() { Name = "Last day" }).ClickAsync();
        await Expect(summary).ToContainTextAsync("Last day:");
        await Expect(page.Locator("#chart-step")).ToHaveTextAsync("one bar per 15 minutes");
        await page.WaitForTimeoutAsync(300);
        await DashboardFixture.ScreenshotAsync(page, "overview-history-day");
        await page.Context.CloseAsync();
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task LatenessAxis_SubSecondLabels_FitLeftOfTheChart()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        // The overview's own chart module and formatter, on a canvas of the overview's size: p99 near 900 ms gives 0 / 500 ms / 1 s.
        var fit = await page.EvaluateAsync<LabelFit[]>("""
            async () => {
              const { lineChart } = await import('/js/chart.js');
              const fmt = await import('/js/format.js');
              const wrap = document.createElement('div');
              wrap.style.cssText = 'width: 560px; height: 220px';
              const canvas = document.createElement('canvas');
              canvas.style.cssText = 'width: 100%; height: 100%';
              wrap.append(canvas);
              document.body.append(wrap);
              const chart = lineChart(canvas, { series: [{ key: 'p99', label: 'p99', color: '--fail' }], minMax: 100, format: (n) => fmt.duration(n) });
              const end = Date.now();
              chart.update([{ t: end - 60e3, values: { p99: 880 } }, { t: end - 30e3, values: { p99: 120 } }], { start: end - 3600e3, end, bucketMs: 60e3 });
              const ctx = canvas.getContext('2d');
              ctx.font = chart.layout.font;
              return chart.layout.labels.map((label) => ({ label, left: chart.layout.left - 6 - ctx.measureText(label).width }));
            }
            """);

        Assert.Contains(fit, f => f.Label == "500 ms");
        Assert.All(fit, f => Assert.True(f.Left >= 0, $"'{f.Label}' starts {f.Left:0.0} px left of the canvas"));
        await page.Context.CloseAsync();
    }

    public sealed class LabelFit
    {
        public string Label { get; set; } = "";
        public double Left { get; set; }
    }

    /// <summary>An hour of synthetic traffic written straight into the Server's counters: a daily curve of successes, a burst of
    /// failures, a few cancels, lateness mostly tens of ms with a slow tail and a few early starts. Returns the runs counted.</summary>
    private async Task<int> SeedHourAsync(DateTimeOffset now, DateTimeOffset peak)
    {
        var store = new TableRunCounterStore(new StorageClients(fixture.Host.Storage));
        var total = 0;
        for (var m = 58; m >= 3; m--)
        {
            var minute = RunCounts.MinuteOf(now.AddMinutes(-m));
            var succeeded = minute == peak ? PeakRuns - 5 : 20 + (int)(15 * Math.Sin(m / 6.0));
            var failed = minute == peak ? 5 : m is >= 20 and <= 24 ? 12 : m % 7 == 0 ? 1 : 0;
            var canceled = m % 11 == 0 ? 2 : 0;
            var lateness = new long[LatenessBuckets.Count];
            lateness[LatenessBuckets.IndexOf(15)] = succeeded / 2;
            lateness[LatenessBuckets.IndexOf(40)] = succeeded - (succeeded / 2) + failed;
            lateness[LatenessBuckets.IndexOf(m is >= 20 and <= 24 ? 2_500 : 400)] = 1 + canceled;
            lateness[LatenessBuckets.IndexOf(-2)] = m % 13 == 0 ? 1 : 0;
            await store.AddAsync(new RunCounts
            {
                Minute = minute,
                Finished = new Dictionary<RunStatus, long> { [RunStatus.Succeeded] = succeeded, [RunStatus.Failed] = failed, [RunStatus.Canceled] = canceled },
                Lateness = lateness,
            }, CancellationToken.None);
            total += succeeded + failed + canceled;
        }

        return total;
    }
}
