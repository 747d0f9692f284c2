using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The page around the views: overview numbers, the API key prompt, an unreachable API, theme, keyboard and phone layout.</summary>
[Collection("dashboard")]
public sealed class ShellTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Overview_ShowsCountsSlotsChartsAndLanes()
    {
        SetDefaultExpectTimeout(15_000);
        await fixture.Host.CreateJobAsync("shell-overview", "shell", SchedulerHost.EverySeconds(2));
        await Eventually.GetAsync(() => Task.FromResult(fixture.Host.Sink.For("shell").Count), n => n >= 2, TimeSpan.FromSeconds(30), what: "two runs");
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/");

        // The counters reach storage within a flush interval (1 s here) of each run's end; the page polls every 5 s.
        await Expect(page.Locator("#stat-succeeded")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([2-9]|[1-9][0-9,]+)$"));
        await Expect(page.Locator("#stat-slots")).ToContainTextAsync("/");
        await Expect(page.Locator("#lanes-table tr[data-lane='default']")).ToBeVisibleAsync();
        await Expect(page.Locator("#lateness-now")).ToContainTextAsync("p95");
        await Expect(page.Locator("#overview-updated")).ToContainTextAsync("Updated");
        // Live: a later poll replaces the timestamp without a reload.
        var first = await page.Locator("#overview-updated").InnerTextAsync();
        await Expect(page.Locator("#overview-updated")).Not.ToHaveTextAsync(first, new() { Timeout = 12_000 });
        await DashboardFixture.ScreenshotAsync(page, "overview");
        await fixture.Host.PostAsync("api/jobs/shell-overview/pause");
        await page.Context.CloseAsync();
        Assert.Empty(fixture.PageErrors);
    }

    [Fact]
    public async Task NoKey_AsksForOne_WithoutSayingAKeyWasRefused()
    {
        SetDefaultExpectTimeout(15_000);
        var page = await fixture.NewPageAsync(apiKey: null);
        await page.GotoAsync("/");

        var banner = page.Locator("#banner .banner");
        await Expect(banner).ToContainTextAsync("An API key is required.");
        await Expect(page.GetByLabel("API key", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("");
        await Expect(page.Locator("#connection")).ToBeHiddenAsync();
        await Expect(banner).Not.ToContainTextAsync("refused");
        await DashboardFixture.ScreenshotAsync(page, "api-key-needed");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongKey_SaysTheServersReason_AndAGoodKeyConnects()
    {
        SetDefaultExpectTimeout(15_000);
        var page = await fixture.NewPageAsync(apiKey: null);
        await page.GotoAsync("/");
        await Expect(page.Locator("#banner .banner")).ToContainTextAsync("An API key is required.");

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("wrong-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();

        var banner = page.Locator("#banner .banner");
        await Expect(banner).ToContainTextAsync("The API key was refused.");
        await Expect(banner).ToContainTextAsync("not one of the server's keys");
        await Expect(banner).Not.ToContainTextAsync("required");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Key refused");
        await DashboardFixture.ScreenshotAsync(page, "api-key-refused");

        // A second wrong key is refused again, in so many words.
        await page.GetByLabel("API key", new() { Exact = true }).FillAsync("another-wrong-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(banner).ToContainTextAsync("The API key was refused.");

        await page.GetByLabel("API key", new() { Exact = true }).FillAsync(SchedulerHost.ApiKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Use this key" }).ClickAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await Expect(banner).ToHaveCountAsync(0);
        Assert.Equal(SchedulerHost.ApiKey, await page.EvaluateAsync<string>("sessionStorage.getItem('scheduler.apiKey')"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task UnreachableApi_SaysSoAndRecovers()
    {
        SetDefaultExpectTimeout(15_000);
        var page = await fixture.NewPageAsync();
        await page.RouteAsync("**/api/**", route => route.AbortAsync("connectionrefused"));
        await page.GotoAsync("/");

        await Expect(page.Locator("#banner .banner")).ToContainTextAsync("The API is unreachable");
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Offline");
        await DashboardFixture.ScreenshotAsync(page, "api-unreachable");

        await page.UnrouteAllAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry now" }).ClickAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("Connected");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ThemeToggle_SwitchesToDark_AndKeyboardReachesTheNavigation()
    {
        SetDefaultExpectTimeout(15_000);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/#/jobs");
        await Expect(page.Locator("#jobs-table")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".skip-link")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator(".brand")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true })).ToBeFocusedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Switch to the dark theme" }).ClickAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(15, 20, 27)", background);
        await page.ReloadAsync();
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        await DashboardFixture.ScreenshotAsync(page, "jobs-dark");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Phone_InDarkMode_FitsTheScreenWithoutSideScrolling()
    {
        SetDefaultExpectTimeout(15_000);
        await fixture.Host.CreateJobAsync("shell-phone", "shell-phone", SchedulerHost.Rarely(), name: "Phone layout", tags: ["mobile"]);
        var page = await fixture.NewPageAsync(width: 390, height: 844, scheme: ColorScheme.Dark);
        foreach (var (route, name) in new[] { ("/#/", "phone-overview"), ("/#/jobs", "phone-jobs"), ("/#/jobs/shell-phone", "phone-job-detail"), ("/#/jobs/new", "phone-job-form") })
        {
            await page.GotoAsync(route);
            await Expect(page.Locator("main h1")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(800);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{route} scrolls sideways by {overflow}px on a phone");
            await DashboardFixture.ScreenshotAsync(page, name);
        }

        await page.Context.CloseAsync();
    }
}
