using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>A job whose webhook header comes from a secret: the dashboard's job page, its definition as JSON and its run's
/// attempt show the reference and a masked value, never the secret (the test Server's <see cref="SchedulerHost.SecretName"/>).</summary>
[Collection("dashboard")]
public sealed class SecretReferenceTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string SecretValue = "a-test-password";
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task JobPage_SecretHeader_ShowsTheReferenceAndNeverTheValue()
    {
        await fixture.Host.PostAsync("api/jobs", new JsonObject
        {
            ["id"] = "detail-secret",
            ["schedule"] = SchedulerHost.Rarely(),
            ["target"] = new JsonObject
            {
                ["type"] = "http",
                ["url"] = fixture.Host.Sink.Url("ok/detail-secret"),
                ["secretHeaders"] = new JsonObject { ["X-Api-Key"] = SchedulerHost.SecretName },
            },
        });
        await fixture.Host.PostAsync("api/jobs/detail-secret/trigger");
        await _page.GotoAsync("/#/jobs/detail-secret");

        var run = _page.Locator("#run-timeline > li").First;
        await Expect(run.Locator(".run-card > summary .badge").First).ToHaveTextAsync("Succeeded", new() { Timeout = 30_000 });
        await _page.GetByText("Definition as JSON").ClickAsync();
        await Expect(_page.Locator("details[open]").Filter(new() { HasText = "Definition as JSON" })).ToContainTextAsync(SchedulerHost.SecretName);

        Assert.Equal(SecretValue, Assert.Single(fixture.Host.Sink.For("ok/detail-secret")).Headers["X-Api-Key"]);
        var page = await _page.ContentAsync();
        Assert.DoesNotContain(SecretValue, page, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretValue, await _page.InnerTextAsync("body"), StringComparison.Ordinal);
    }
}
