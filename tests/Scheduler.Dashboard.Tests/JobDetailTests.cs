using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The job page: every attempt of a failing run with its error, and cancelling a running run.</summary>
[Collection("dashboard")]
public sealed class JobDetailTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task FailingRun_ShowsEachAttemptWithStatusCodeAndError()
    {
        await fixture.Host.CreateJobAsync("detail-failing", "fail/detail", SchedulerHost.Rarely(), maxAttempts: 2);
        await fixture.Host.PostAsync("api/jobs/detail-failing/trigger");
        await _page.GotoAsync("/#/jobs/detail-failing");

        var run = _page.Locator("#run-timeline > li").First;
        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Failed", new() { Timeout = 30_000 });
        await Expect(run.Locator(".run-card > summary")).ToContainTextAsync("2 attempts");
        var attempts = run.Locator(".attempt");
        await Expect(attempts).ToHaveCountAsync(2);
        await Expect(attempts.Nth(0)).ToContainTextAsync("HTTP 500");
        await Expect(attempts.Nth(0)).ToContainTextAsync("retryable");
        await Expect(attempts.Nth(1)).ToContainTextAsync("Attempt 2");
        await Expect(run.Locator(".run-card > summary .badge.s-manual")).ToHaveTextAsync("manual");
        await DashboardFixture.ScreenshotAsync(_page, "job-detail-failed-run");
    }

    [Fact]
    public async Task CancelRun_WhileItsAttemptRuns_EndsTheRunAsCanceled()
    {
        await fixture.Host.CreateJobAsync("detail-cancel", "slow/4000/fail/detail", SchedulerHost.Rarely(), maxAttempts: 3);
        await fixture.Host.PostAsync("api/jobs/detail-cancel/trigger");
        await _page.GotoAsync("/#/jobs/detail-cancel");

        var run = _page.Locator("#run-timeline > li").First;
        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Running", new() { Timeout = 20_000 });
        await run.Locator(".run-card > summary").ClickAsync(); // opened by default: a click closes it,
        await run.Locator(".run-card > summary").ClickAsync(); // a second reopens it with fresh details
        await run.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();

        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Canceled", new() { Timeout = 30_000 });
        var runs = await fixture.Host.GetAsync("api/jobs/detail-cancel/runs");
        var stored = runs?["items"]?[0];
        Assert.Equal("Canceled", stored?["status"]?.GetValue<string>());
        Assert.True(stored?["cancelRequested"]?.GetValue<bool>());
        Assert.Equal(1, stored?["attemptCount"]?.GetValue<int>());
    }
}
