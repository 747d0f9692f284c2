using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The job page's Alerts section: alerts sent and suppressed by a cooldown, with their delivery, after real failed runs.</summary>
[Collection("dashboard")]
public sealed class JobAlertsTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task TwoFailedRuns_ShowTheAlertsSentAndTheOneTheCooldownSuppressed()
    {
        var sink = fixture.Host.Sink;
        await fixture.Host.PostAsync("api/jobs", new JsonObject
        {
            ["id"] = "detail-alerts",
            ["target"] = new JsonObject { ["type"] = "http", ["method"] = "POST", ["url"] = sink.Url("fail/detail-alerts") },
            ["schedule"] = SchedulerHost.Rarely(),
            ["alerts"] = new JsonArray(
                new JsonObject { ["on"] = "Failed", ["cooldown"] = "01:00:00", ["webhook"] = new JsonObject { ["url"] = sink.Url("alerts/detail") } },
                new JsonObject { ["on"] = "ConsecutiveFailures", ["count"] = 2, ["webhook"] = new JsonObject { ["url"] = sink.Url("alerts/detail") } }),
        });
        await _page.GotoAsync("/#/jobs/detail-alerts");
        await Expect(_page.Locator("#alerts-note")).ToContainTextAsync("No alert yet");

        foreach (var expected in new[] { 1, 3 })
        {
            await fixture.Host.PostAsync("api/jobs/detail-alerts/trigger");
            await Expect(_page.Locator("#alerts-table tbody tr")).ToHaveCountAsync(expected, new() { Timeout = 30_000 });
        }

        var rows = _page.Locator("#alerts-table tbody tr");
        await Expect(rows.Filter(new() { HasText = "suppressed" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "suppressed" })).ToContainTextAsync("1. Failed");
        await Expect(rows.Filter(new() { HasText = "2. ConsecutiveFailures" })).ToContainTextAsync("delivered");
        await Expect(rows.Filter(new() { HasText = "2 runs failed in a row." })).ToHaveCountAsync(1);
        await DashboardFixture.ScreenshotAsync(_page, "job-detail-alerts");
        Assert.Equal(2, sink.For("alerts/detail").Count);
    }
}
