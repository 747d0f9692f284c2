using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The config page: budgets and pause-all, and their effect on the overview. Each test restores the config it changed.</summary>
[Collection("dashboard")]
public sealed class ConfigTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;
    private JsonNode? _original;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
        _original = await fixture.Host.GetAsync("api/config");
    }

    public async Task DisposeAsync()
    {
        await _page.Context.CloseAsync();
        await fixture.Host.PutConfigAsync(_original!.AsObject());
    }

    [Fact]
    public async Task ChangeBudgets_ShowsTheNewBudgetOnTheOverview()
    {
        await _page.GotoAsync("/#/config");
        await _page.GetByLabel("Default lane budget", new() { Exact = true }).FillAsync("3");
        await _page.GetByRole(AriaRole.Button, new() { Name = "+ Add lane" }).ClickAsync();
        var row = _page.Locator(".lane-row").Last;
        await row.GetByLabel("Lane", new() { Exact = true }).FillAsync("e2e-critical");
        await row.GetByLabel("Budget", new() { Exact = true }).FillAsync("2");
        await DashboardFixture.ScreenshotAsync(_page, "config");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(_page.Locator(".toast")).ToContainTextAsync("Config saved");

        var stored = await fixture.Host.GetAsync("api/config");
        Assert.Equal(3, stored?["defaultLaneConcurrency"]?.GetValue<int>());
        Assert.Equal(2, stored?["lanes"]?["e2e-critical"]?.GetValue<int>());

        await _page.GetByRole(AriaRole.Link, new() { Name = "Overview", Exact = true }).ClickAsync();
        await Expect(_page.Locator("#lanes-table tr[data-lane='default'] .lane-budget")).ToHaveTextAsync("3");
        await Expect(_page.Locator("#lanes-table tr[data-lane='e2e-critical'] .lane-budget")).ToHaveTextAsync("2");
        await Expect(_page.Locator("#stat-slots")).ToContainTextAsync("/ ");
        await DashboardFixture.ScreenshotAsync(_page, "overview-after-budget");
    }

    [Fact]
    public async Task InvalidBudget_ShowsTheServersMessageAtTheField()
    {
        await _page.GotoAsync("/#/config");
        await _page.GetByLabel("Default lane budget", new() { Exact = true }).FillAsync("5000");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        var field = _page.Locator("[data-field='defaultLaneConcurrency']");
        await Expect(field.Locator(".field-error")).ToContainTextAsync("from 0 to 1000");
        await Expect(_page.GetByLabel("Default lane budget", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
    }

    [Fact]
    public async Task PauseAll_ShowsTheBannerOnTheOverview()
    {
        await _page.GotoAsync("/#/config");
        await _page.GetByRole(AriaRole.Switch, new() { Name = "Pause all dispatching" }).CheckAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(_page.Locator(".toast")).ToContainTextAsync("Config saved");

        await _page.GotoAsync("/#/");
        await Expect(_page.Locator("#pause-all-banner")).ToBeVisibleAsync();
        await Expect(_page.Locator("#pause-all-banner")).ToContainTextAsync("Dispatch is paused");
    }
}
