using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The jobs table: filters, status badges, both time zones, pause/resume, run now and delete with confirmation.</summary>
[Collection("dashboard")]
public sealed class JobsPageTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task JobsTable_FiltersByTagAndText_AndShowsBothZones()
    {
        await fixture.Host.CreateJobAsync("table-billing", "table", SchedulerHost.Rarely(), name: "Monthly billing", tags: ["billing"]);
        await fixture.Host.CreateJobAsync("table-reports", "table", SchedulerHost.Rarely(), tags: ["reports"]);

        await _page.GotoAsync("/#/jobs");
        var row = _page.Locator("tr[data-job-id='table-billing']");
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Active");
        // Next due in the viewer's zone (New York) and in the job's zone (Paris).
        await Expect(row.Locator("td[data-label='Next due']")).ToContainTextAsync("EST");
        await Expect(row.Locator("td[data-label='Next due']")).ToContainTextAsync("(Europe/Paris)");
        await DashboardFixture.ScreenshotAsync(_page, "jobs");

        await _page.GetByLabel("Tag", new() { Exact = true }).FillAsync("billing");
        await Expect(_page.Locator("#jobs-table tbody tr")).ToHaveCountAsync(1);
        await Expect(row).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await _page.GetByLabel("Search", new() { Exact = true }).FillAsync("table-rep");
        await Expect(_page.Locator("tr[data-job-id='table-reports']")).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        Assert.Contains("text=table-rep", _page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseAndResume_FromTheTable_ChangeTheStatus()
    {
        await fixture.Host.CreateJobAsync("table-pause", "table", SchedulerHost.Rarely());
        await _page.GotoAsync("/#/jobs?text=table-pause");
        var row = _page.Locator("tr[data-job-id='table-pause']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Pause table-pause" }).ClickAsync();
        await Expect(row.Locator(".badge").First).ToHaveTextAsync("Paused");
        Assert.Equal("Paused", (await fixture.Host.GetAsync("api/jobs/table-pause"))?["status"]?.GetValue<string>());

        await row.GetByRole(AriaRole.Button, new() { Name = "Resume table-pause" }).ClickAsync();
        await Expect(row.Locator(".badge").First).ToHaveTextAsync("Active");
        Assert.Equal("Active", (await fixture.Host.GetAsync("api/jobs/table-pause"))?["status"]?.GetValue<string>());
    }

    [Fact]
    public async Task RunNow_FromTheTable_CallsTheTargetAndShowsTheLastOutcome()
    {
        await fixture.Host.CreateJobAsync("table-trigger", "table-trigger", SchedulerHost.Rarely());
        await _page.GotoAsync("/#/jobs?text=table-trigger");
        var row = _page.Locator("tr[data-job-id='table-trigger']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Run table-trigger now" }).ClickAsync();

        await Eventually.GetAsync(() => Task.FromResult(fixture.Host.Sink.For("table-trigger").Count), n => n >= 1, TimeSpan.FromSeconds(20), what: "the triggered webhook");
        await Expect(row.Locator(".last-outcome .badge")).ToHaveTextAsync("Succeeded", new() { Timeout = 25_000 });
    }

    [Fact]
    public async Task JobsTable_ShowsEachLastOutcome_WithNoRequestPerJob()
    {
        await fixture.Host.CreateJobAsync("outcome-ran", "outcome-ran", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("outcome-idle-1", "outcome-idle", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("outcome-idle-2", "outcome-idle", SchedulerHost.Rarely());
        await fixture.Host.PostAsync("api/jobs/outcome-ran/trigger");
        await Eventually.GetAsync(() => fixture.Host.GetAsync("api/jobs/outcome-ran"), j => RunPolling.Status(j?["lastRun"]) == "Succeeded", TimeSpan.FromSeconds(20), what: "the triggered run to succeed");
        var requests = new System.Collections.Concurrent.ConcurrentQueue<string>();
        _page.Request += (_, request) => requests.Enqueue(new Uri(request.Url).AbsolutePath);

        await _page.GotoAsync("/#/jobs?text=outcome-");

        var ran = _page.Locator("tr[data-job-id='outcome-ran'] .last-outcome");
        await Expect(ran.Locator(".badge")).ToHaveTextAsync("Succeeded");
        await Expect(ran).ToContainTextAsync("ago");
        await Expect(_page.Locator("tr[data-job-id='outcome-idle-1'] .last-outcome")).ToHaveTextAsync("never run");
        await Expect(_page.Locator("tr[data-job-id='outcome-idle-2'] .last-outcome")).ToHaveTextAsync("never run");
        Assert.Contains("/api/jobs", requests);
        Assert.DoesNotContain(requests, path => path.EndsWith("/runs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_AsksForConfirmation_AndRemovesTheJobOnlyWhenConfirmed()
    {
        await fixture.Host.CreateJobAsync("table-delete", "table", SchedulerHost.Rarely());
        await _page.GotoAsync("/#/jobs?text=table-delete");
        var row = _page.Locator("tr[data-job-id='table-delete']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete table-delete" }).ClickAsync();
        var dialog = _page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Delete job table-delete?");
        await DashboardFixture.ScreenshotAsync(_page, "delete-confirmation");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        Assert.NotNull(await fixture.Host.GetAsync("api/jobs/table-delete"));

        await row.GetByRole(AriaRole.Button, new() { Name = "Delete table-delete" }).ClickAsync();
        await _page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete job" }).ClickAsync();
        await Expect(row).ToHaveCountAsync(0);
        using var response = await fixture.Host.Api.GetAsync("api/jobs/table-delete");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
