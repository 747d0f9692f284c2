using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>Creating jobs through the form: the live cron preview, a run appearing in the timeline, and validation at the field.</summary>
[Collection("dashboard")]
public sealed class JobFormTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task CreateJob_ThroughTheForm_RunsAndShowsItsAttemptsInTheTimeline()
    {
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Job id", new() { Exact = true }).FillAsync("form-created");
        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("Created through the form");
        await _page.GetByLabel("URL", new() { Exact = true }).FillAsync(fixture.Host.Sink.Url("form-created"));
        await _page.GetByLabel("Cron expression", new() { Exact = true }).FillAsync("*/3 * * * * *");
        await _page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("Europe/Paris");
        await _page.GetByLabel("Tags", new() { Exact = true }).FillAsync("e2e, form");

        var preview = _page.Locator("#preview-list li");
        await Expect(preview).ToHaveCountAsync(5);
        await Expect(_page.Locator("#preview-status")).ToContainTextAsync("Europe/Paris");
        await Expect(preview.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"EST[\s\S]*GMT\+[12]"));
        await DashboardFixture.ScreenshotAsync(_page, "job-form");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/jobs/form-created$"));
        await Expect(_page.Locator("h1")).ToContainTextAsync("form-created");
        // The newest run may still be queued for its due time: look at the newest that succeeded.
        var succeeded = _page.Locator("#run-timeline > li").Filter(new() { Has = _page.Locator(".run-card > summary .badge.s-succeeded") }).First;
        await Expect(succeeded).ToBeVisibleAsync(new() { Timeout = 30_000 });
        if (!await succeeded.Locator("details.run-card").EvaluateAsync<bool>("d => d.open"))
        {
            await succeeded.Locator(".run-card > summary").ClickAsync();
        }

        var attempt = succeeded.Locator(".attempt").First;
        await Expect(attempt).ToContainTextAsync("Attempt 1");
        await Expect(attempt).ToContainTextAsync("HTTP 200");
        await Expect(attempt.Locator(".excerpt pre").First).ToContainTextAsync("form-created");
        Assert.True(fixture.Host.Sink.For("form-created").Count >= 1, "the sink received the job's webhook");
        await DashboardFixture.ScreenshotAsync(_page, "job-detail");

        var stored = await fixture.Host.GetAsync("api/jobs/form-created");
        Assert.Equal("Created through the form", stored?["definition"]?["name"]?.GetValue<string>());
        Assert.Equal("Europe/Paris", stored?["definition"]?["schedule"]?["timeZone"]?.GetValue<string>());
        Assert.Equal(["e2e", "form"], stored?["definition"]?["tags"]?.AsArray().Select(t => t!.GetValue<string>()).ToArray() ?? []);
        await fixture.Host.PostAsync("api/jobs/form-created/pause");
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task CreateJob_WithInvalidValues_ShowsTheServersMessagesAtTheFields()
    {
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Job id", new() { Exact = true }).FillAsync("form-invalid");
        await _page.GetByLabel("URL", new() { Exact = true }).FillAsync("ftp://example.test/not-http");
        var cron = _page.GetByLabel("Cron expression", new() { Exact = true });
        await cron.FillAsync("61 * * * *");

        // The preview already flags the cron expression while typing.
        var cronField = _page.Locator("[data-field='schedule.cron']");
        await Expect(cronField.Locator(".field-error")).ToContainTextAsync("Minutes");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        await Expect(_page.Locator("#form-errors")).ToBeVisibleAsync();
        await Expect(cronField).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("invalid"));
        await Expect(cron).ToHaveAttributeAsync("aria-invalid", "true");
        var urlField = _page.Locator("[data-field='target.url']");
        await Expect(urlField.Locator(".field-error")).ToContainTextAsync("absolute http or https URL");
        await Expect(_page.GetByLabel("URL", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await DashboardFixture.ScreenshotAsync(_page, "job-form-errors");

        // Fixing the fields and saving again clears the messages and creates the job.
        await _page.GetByLabel("URL", new() { Exact = true }).FillAsync(fixture.Host.Sink.Url("form-invalid"));
        await cron.FillAsync("0 6 * * MON-FRI");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Expect(_page.Locator("h1")).ToContainTextAsync("form-invalid");
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task CommandJob_FromTheForm_ShowsPerCommandResults()
    {
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Job id", new() { Exact = true }).FillAsync("form-command");
        await _page.GetByLabel("Target type", new() { Exact = true }).SelectOptionAsync("command");
        await _page.GetByLabel("Program", new() { Exact = true }).FillAsync("/bin/echo");
        await _page.GetByLabel("Arguments", new() { Exact = true }).FillAsync("hello\nfrom the dashboard");
        await _page.GetByLabel("Cron expression", new() { Exact = true }).FillAsync("0 0 1 1 *");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();
        await Expect(_page.Locator("h1")).ToContainTextAsync("form-command");

        await _page.GetByRole(AriaRole.Button, new() { Name = "Run form-command now" }).ClickAsync();

        var run = _page.Locator("#run-timeline > li").First;
        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        var commands = run.Locator("table.commands");
        await Expect(commands).ToContainTextAsync("/bin/echo");
        await Expect(commands).ToContainTextAsync("hello from the dashboard");
        await Expect(run.Locator(".attempt").First).ToContainTextAsync("exit 0");
        await DashboardFixture.ScreenshotAsync(_page, "job-detail-command");
    }

    [Fact]
    public async Task EditJob_ChangesTheDefinitionWithTheLoadedETag()
    {
        await fixture.Host.CreateJobAsync("form-edit", "form-edit", SchedulerHost.Rarely(), name: "Before");
        await _page.GotoAsync("/#/jobs/form-edit/edit");
        await Expect(_page.GetByLabel("Job id", new() { Exact = true })).ToHaveValueAsync("form-edit");
        await Expect(_page.GetByLabel("Job id", new() { Exact = true })).ToHaveAttributeAsync("readonly", "");
        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync("After");
        await _page.Locator("[data-field='schedule.kind'] select").SelectOptionAsync("Interval");
        await _page.GetByLabel("Every", new() { Exact = true }).FillAsync("45m");
        await Expect(_page.Locator("#preview-list li")).ToHaveCountAsync(5);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();

        await Expect(_page.Locator("#job-definition")).ToContainTextAsync("every 45 min");
        var stored = await fixture.Host.GetAsync("api/jobs/form-edit");
        Assert.Equal("After", stored?["definition"]?["name"]?.GetValue<string>());
        Assert.Equal("00:45:00", stored?["definition"]?["schedule"]?["interval"]?.GetValue<string>());
        Assert.Null(stored?["definition"]?["schedule"]?["cron"]);
    }

    [Fact]
    public async Task CreateJob_WithErrorsTheFormAndTheServerFind_ShowsEveryOneAtOnce()
    {
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Job id", new() { Exact = true }).FillAsync("form-many-errors");
        await _page.GetByLabel("URL", new() { Exact = true }).FillAsync("ftp://example.test/not-http");
        await _page.GetByLabel("Cron expression", new() { Exact = true }).FillAsync("61 * * * *");
        await _page.GetByLabel("Timeout per attempt", new() { Exact = true }).FillAsync("soon");
        var cronError = _page.Locator("[data-field='schedule.cron'] .field-error");
        await Expect(cronError).ToContainTextAsync("Minutes"); // shown while typing, by the preview

        await _page.GetByRole(AriaRole.Button, new() { Name = "Create job" }).ClickAsync();

        // The form's own (a timeout it cannot read) and the server's (the URL, the cron expression), all at once.
        await Expect(_page.Locator("#form-errors li")).ToHaveCountAsync(3);
        await Expect(_page.Locator("[data-field='timeout'] .field-error")).ToContainTextAsync("\"soon\" is not a duration");
        await Expect(_page.Locator("[data-field='target.url'] .field-error")).ToContainTextAsync("absolute http or https URL");
        await Expect(cronError).ToContainTextAsync("Minutes");
        await Expect(cronError).ToBeVisibleAsync();
        await DashboardFixture.ScreenshotAsync(_page, "job-form-all-errors");
        var stored = await fixture.Host.Api.GetAsync("api/jobs/form-many-errors");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, stored.StatusCode);
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task Preview_AcrossASpringForward_SaysTheMissingTimeRunsAtTheEndOfTheGap()
    {
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Cron expression", new() { Exact = true }).FillAsync("30 2 * * *");
        await _page.GetByLabel("Time zone", new() { Exact = true }).FillAsync("America/New_York");
        await _page.GetByLabel("Start", new() { Exact = true }).FillAsync("2027-03-13T12:00");

        var first = _page.Locator("#preview-list li").First;
        await Expect(first).ToHaveAttributeAsync("data-dst", "SkippedForward");
        await Expect(first.Locator(".dst-note")).ToHaveTextAsync("02:30 does not exist on 2027-03-14 in America/New_York: clocks go forward from 02:00 to 03:00 (UTC-05:00 to UTC-04:00). It runs at 03:00 instead.");
        await Expect(_page.Locator("#preview-list li").Nth(1).Locator(".dst-note")).ToHaveCountAsync(0);
        await _page.Locator("#preview-list").ScrollIntoViewIfNeededAsync();
        await _page.Locator(".preview").ScreenshotAsync(new() { Path = Path.Combine(DashboardFixture.ScreenshotDir, "job-form-dst-preview.png") });
        Assert.Empty(fixture.PageErrors);
    }
}
