using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>Jobs that run after other jobs on the dashboard: a job page shows its parents and its children, and a parent's run
/// shows the child run it started, each linked to its job.</summary>
[Collection("dashboard")]
public sealed class LineageTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task ParentAndChild_PagesShowEachOther_AndTheParentsRunShowsTheRunItStarted()
    {
        await fixture.Host.CreateJobAsync("lineage-extract", "ok/lineage-extract", SchedulerHost.Rarely());
        await fixture.Host.PostAsync("api/jobs", new JsonObject
        {
            ["id"] = "lineage-load",
            ["target"] = new JsonObject { ["type"] = "http", ["method"] = "POST", ["url"] = fixture.Host.Sink.Url("ok/lineage-load") },
            ["schedule"] = new JsonObject { ["kind"] = "None" },
            ["after"] = new JsonArray(new JsonObject { ["job"] = "lineage-extract", ["on"] = "Succeeded" }),
        });
        await fixture.Host.PostAsync("api/jobs/lineage-extract/trigger");

        await _page.GotoAsync("/#/jobs/lineage-extract");
        await Expect(_page.Locator("#job-children a.job-link")).ToHaveTextAsync("lineage-load");
        var run = _page.Locator("#run-timeline > li").First;
        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        var started = run.Locator(".started-runs li");
        // The child's run is written by the parent run's follow-up right after it ends; the page refreshes every 3 s.
        await run.Locator(".run-card > summary").ClickAsync();
        await run.Locator(".run-card > summary").ClickAsync();
        await Expect(started).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Expect(started.Locator("a.job-link")).ToHaveTextAsync("lineage-load");
        await DashboardFixture.ScreenshotAsync(_page, "lineage-parent");

        await started.Locator("a.job-link").ClickAsync();
        await Expect(_page.Locator("#job-parents a.job-link")).ToHaveTextAsync("lineage-extract");
        await Expect(_page.Locator("#job-parents")).ToContainTextAsync("when succeeded");
        await Expect(_page.Locator("#job-definition")).ToContainTextAsync("after its parents or by hand");
        await Expect(_page.Locator("#run-timeline > li").First.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        await DashboardFixture.ScreenshotAsync(_page, "lineage-child");
    }
}
