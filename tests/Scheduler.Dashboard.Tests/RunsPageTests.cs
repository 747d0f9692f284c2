using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The runs of every job: "everything that failed in the last hour", in one table.</summary>
[Collection("dashboard")]
public sealed class RunsPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Runs_FilteredByStatus_ShowsEveryJobsRunsOfThatStatus()
    {
        SetDefaultExpectTimeout(15_000);
        await fixture.Host.CreateJobAsync("runs-page-fail-a", "fail/runs-page-a", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("runs-page-fail-b", "fail/runs-page-b", SchedulerHost.Rarely());
        await fixture.Host.CreateJobAsync("runs-page-ok", "runs-page-ok", SchedulerHost.Rarely());
        var failedA = await TriggerAndFinishAsync("runs-page-fail-a");
        var failedB = await TriggerAndFinishAsync("runs-page-fail-b");
        var ok = await TriggerAndFinishAsync("runs-page-ok");
        var page = await fixture.NewPageAsync();

        await page.GotoAsync("/#/runs?status=Failed");
        await Expect(page.Locator($"#runs-table tr[data-run-id='{failedA}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#runs-table tr[data-run-id='{failedB}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#runs-table tr[data-run-id='{ok}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("[data-nav='runs']")).ToHaveAttributeAsync("aria-current", "page");
        await DashboardFixture.ScreenshotAsync(page, "runs-failed");

        await page.Locator("#runs-status").SelectOptionAsync("Succeeded");
        await Expect(page.Locator($"#runs-table tr[data-run-id='{ok}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#runs-table tr[data-run-id='{failedA}']")).ToHaveCountAsync(0);
        Assert.Contains("status=Succeeded", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
        Assert.Empty(fixture.PageErrors);
    }

    private async Task<string> TriggerAndFinishAsync(string job)
    {
        var runId = (await fixture.Host.PostAsync($"api/jobs/{job}/trigger"))!["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunAsync(fixture.Host.Api, $"api/runs/{job}/{Uri.EscapeDataString(runId)}", r => RunPolling.Status(r) is "Failed" or "Succeeded", TimeSpan.FromSeconds(30));
        return runId;
    }
}
