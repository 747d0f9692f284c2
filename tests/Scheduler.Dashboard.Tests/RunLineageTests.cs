using Microsoft.Playwright;
using Scheduler.Core.Runs;
using Scheduler.Storage;
using Scheduler.Storage.Tables;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>A run's lineage on the job page: why it exists, the values it ran with, and a link to the run that started it.</summary>
[Collection("dashboard")]
public sealed class RunLineageTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task ChildRun_ShowsItsTriggerParametersAndParent_AndTheLinkOpensTheParentRun()
    {
        await fixture.Host.CreateJobAsync("lineage-parent", "ok/lineage-parent", SchedulerHost.Rarely());
        var parentRunId = (await fixture.Host.PostAsync("api/jobs/lineage-parent/trigger"))!["runId"]!.GetValue<string>();
        await RunPolling.WaitForRunsAsync(fixture.Host.Api, "lineage-parent", runs => RunPolling.Status(runs.FirstOrDefault()) == "Succeeded", TimeSpan.FromSeconds(30));
        await fixture.Host.CreateJobAsync("lineage-child", "ok/lineage-child", SchedulerHost.Rarely());
        // Runs with a parent are started by the end of a parent's run; this test is about showing one, so it writes one as that would.
        var childRunId = await SeedChildRunAsync("lineage-child", new RunParent("lineage-parent", parentRunId, RunStatus.Succeeded, "ok"));

        await _page.GotoAsync("/#/jobs/lineage-child");

        var card = _page.Locator($"#run-timeline > li[data-run-id='{childRunId}']");
        await Expect(card.Locator(".run-card > summary .badge.s-manual")).ToHaveTextAsync("parent");
        var body = card.Locator(".run-body");
        await Expect(body.Locator("dt:text-is('Trigger') + dd")).ToHaveTextAsync("Parent");
        await Expect(body.Locator(".run-parameters dt:text-is('file') + dd")).ToHaveTextAsync("q3 \"final\".csv");
        await Expect(body.Locator(".run-parameters dt:text-is('mode') + dd")).ToHaveTextAsync("(empty)");
        var link = body.Locator("a.parent-run");
        await Expect(link).ToHaveTextAsync(parentRunId);
        await DashboardFixture.ScreenshotAsync(_page, "run-lineage-child");

        await link.ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/jobs/lineage-parent\\?run="));
        var parent = _page.Locator($"#run-timeline > li[data-run-id='{parentRunId}'] .run-card");
        await Expect(parent).ToHaveAttributeAsync("open", "");
        await Expect(parent.Locator(".run-body dt:text-is('Trigger') + dd")).ToHaveTextAsync("Manual");
        await DashboardFixture.ScreenshotAsync(_page, "run-lineage-parent");
        Assert.Empty(fixture.PageErrors);
    }

    private async Task<string> SeedChildRunAsync(string jobId, RunParent parent)
    {
        var clients = new StorageClients(fixture.Host.Storage);
        var job = (await new TableJobStore(clients).GetAsync(jobId, CancellationToken.None))!;
        var due = DateTimeOffset.UtcNow.AddSeconds(-2);
        var run = new Run
        {
            JobId = jobId,
            RunId = RunIds.For(jobId, due),
            DueUtc = due,
            CreatedUtc = due,
            StartedUtc = due,
            FinishedUtc = due.AddMilliseconds(40),
            Status = RunStatus.Succeeded,
            Trigger = RunTrigger.Parent,
            Inputs = new RunInputs
            {
                Parent = parent,
                Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["file"] = "q3 \"final\".csv", ["mode"] = "" },
            },
            Definition = job.Definition,
        };
        var written = await new TableRunStore(clients).InsertWithJobAsync(run, job, CancellationToken.None);
        Assert.True(written.Done, $"seeding the run: {written.Outcome}");
        return run.RunId;
    }
}
