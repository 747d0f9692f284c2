using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>A view lives only while it is on screen: leaving it ends its fetches and polling; a hash that names no page shows one that says so.</summary>
[Collection("dashboard")]
public sealed class ViewLifecycleTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task LeavingAJobPageWhileItLoads_AbortsItsFetch_AndItNeverPollsOrDrawsAgain()
    {
        await fixture.Host.CreateJobAsync("lifecycle-left", "lifecycle-left", SchedulerHost.Rarely());
        var held = new TaskCompletionSource<IRoute>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _page.RouteAsync("**/api/jobs/lifecycle-left", route => { held.TrySetResult(route); return Task.CompletedTask; });
        var aborted = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _page.RequestFailed += (_, request) => { if (request.Url.EndsWith("/api/jobs/lifecycle-left", StringComparison.Ordinal)) aborted.TrySetResult(request.Failure ?? ""); };
        var left = false;
        var fromTheLeftView = new ConcurrentQueue<string>();
        var runsPolls = 0;
        var secondRunsPoll = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _page.Request += (_, request) =>
        {
            if (left && request.Url.Contains("/api/jobs/lifecycle-left", StringComparison.Ordinal)) fromTheLeftView.Enqueue(request.Url);
            if (request.Url.Contains("/api/runs?", StringComparison.Ordinal) && Interlocked.Increment(ref runsPolls) == 2) secondRunsPoll.TrySetResult();
        };

        await _page.GotoAsync("/#/jobs/lifecycle-left");
        var pending = await held.Task.WaitAsync(TimeSpan.FromSeconds(15)); // the job page waits for its job
        var sent = System.Diagnostics.Stopwatch.StartNew();
        left = true;
        await _page.GetByRole(AriaRole.Link, new() { Name = "Runs", Exact = true }).ClickAsync();
        await Expect(_page.Locator("#runs-table")).ToBeVisibleAsync();

        // Leaving aborted the job page's request (answering it now reaches nobody), and did so well before the API
        // client's own 15 s timeout would have ended it.
        Assert.Contains("ABORTED", await aborted.Task.WaitAsync(TimeSpan.FromSeconds(30)), StringComparison.Ordinal);
        Assert.True(sent.Elapsed < TimeSpan.FromSeconds(12), $"the request ended {sent.Elapsed} after it was sent");
        try
        {
            await pending.ContinueAsync();
        }
        catch (PlaywrightException)
        {
            // The browser already dropped the aborted request.
        }

        // The runs page polls every 10 s; the job page polled every 3 s. By the runs page's second poll, a job page still
        // alive would have asked for its job or runs several times.
        await secondRunsPoll.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(fromTheLeftView);
        await Expect(_page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#/runs$"));
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Runs");
        Assert.Empty(fixture.PageErrors);
    }

    [Theory]
    [InlineData("/#/jobs/%E0%A4%A")]
    [InlineData("/#/jobs/%")]
    [InlineData("/#/no-such-page")]
    public async Task MalformedOrUnknownHash_ShowsNotFoundWithALinkHome(string address)
    {
        await _page.GotoAsync(address);

        var notFound = _page.Locator("#not-found");
        await Expect(notFound).ToContainTextAsync("Page not found");
        await Expect(_page).ToHaveTitleAsync("Not found · Scheduler");
        if (address.EndsWith('%'))
        {
            await DashboardFixture.ScreenshotAsync(_page, "not-found");
        }

        await notFound.GetByRole(AriaRole.Link, new() { Name = "Back to the overview" }).ClickAsync();
        await Expect(_page.Locator("main h1")).ToHaveTextAsync("Overview");
        Assert.Empty(fixture.PageErrors);
    }
}
