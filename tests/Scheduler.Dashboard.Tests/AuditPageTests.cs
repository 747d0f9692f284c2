using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The audit page: changes made through the API listed newest first with the key's name, filtered by kind.</summary>
[Collection("dashboard")]
public sealed class AuditPageTests(DashboardFixture fixture) : IAsyncLifetime
{
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task Changes_ListedWithTheKeyName_FilteredByKind()
    {
        await fixture.Host.CreateJobAsync("dash-audited", "ok/dash-audited", new JsonObject { ["kind"] = "Cron", ["cron"] = "0 0 1 1 *" });
        using var paused = await fixture.Host.Api.PostAsync(new Uri("api/jobs/dash-audited/pause", UriKind.Relative), null);
        Assert.True(paused.IsSuccessStatusCode, await paused.Content.ReadAsStringAsync());

        await _page.GotoAsync("/#/jobs");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Audit");
        var pause = _page.Locator("#audit-table tr[data-operation='PauseJob']").Filter(new() { HasText = "dash-audited" });
        await Expect(pause).ToContainTextAsync("key 0");
        await Expect(pause.Locator("a.job-link")).ToHaveAttributeAsync("href", "#/jobs/dash-audited");
        await DashboardFixture.ScreenshotAsync(_page, "audit");

        await _page.Locator("#audit-kind").SelectOptionAsync("config");

        await Expect(_page.Locator("#audit-table tr[data-operation='PauseJob']")).ToHaveCountAsync(0);
    }
}
