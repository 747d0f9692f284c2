using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The connections page: create a profile through the form (an unknown secret is refused at its field), list it, offer it to SSH jobs, delete it.</summary>
[Collection("dashboard")]
public sealed class ConnectionsTests(DashboardFixture fixture) : IAsyncLifetime
{
    private const string Name = "dash-build-01";
    private static readonly string Fingerprint = "SHA256:" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes("dashboard host key"))).TrimEnd('=');
    private IPage _page = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _page = await fixture.NewPageAsync();
    }

    public async Task DisposeAsync() => await _page.Context.CloseAsync();

    [Fact]
    public async Task CreateListAndDelete_ThroughTheDashboard_WithTheSecretErrorAtItsField()
    {
        await _page.GotoAsync("/#/jobs");
        await _page.GetByRole(AriaRole.Link, new() { Name = "Connections", Exact = true }).ClickAsync();
        await Expect(_page.Locator("h1")).ToHaveTextAsync("Connections");
        await _page.Locator("#new-connection").ClickAsync();

        await _page.GetByLabel("Name", new() { Exact = true }).FillAsync(Name);
        await _page.GetByLabel("Host", new() { Exact = true }).FillAsync("build-01.example.com");
        await _page.GetByLabel("Port", new() { Exact = true }).FillAsync("2222");
        await _page.GetByLabel("User", new() { Exact = true }).FillAsync("deploy");
        await _page.GetByLabel("Secret reference", new() { Exact = true }).FillAsync("no-such-secret");
        await _page.GetByLabel("Host key fingerprint", new() { Exact = true }).FillAsync(Fingerprint);
        await _page.GetByLabel("Command timeout", new() { Exact = true }).FillAsync("2m");
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();

        var secretField = _page.Locator("[data-field='secretRef']");
        await Expect(secretField.Locator(".field-error")).ToContainTextAsync("No secret named 'no-such-secret'");
        await Expect(_page.GetByLabel("Secret reference", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(_page.Locator("#form-errors")).ToContainTextAsync("The server refused the profile.");
        await DashboardFixture.ScreenshotAsync(_page, "connection-form-errors");

        await _page.GetByLabel("Secret reference", new() { Exact = true }).FillAsync(SchedulerHost.SecretName);
        await _page.GetByRole(AriaRole.Button, new() { Name = "Create connection" }).ClickAsync();

        await Expect(_page).ToHaveURLAsync(new Regex("#/connections$"));
        var row = _page.Locator($"#connections-table tr[data-connection='{Name}']");
        await Expect(row).ToContainTextAsync("deploy@build-01.example.com:2222");
        await Expect(row).ToContainTextAsync(SchedulerHost.SecretName);
        await Expect(row).ToContainTextAsync(Fingerprint[..19]);
        await DashboardFixture.ScreenshotAsync(_page, "connections");

        var stored = await fixture.Host.GetAsync($"api/connections/{Name}");
        Assert.Equal(2222, stored?["port"]?.GetValue<int>());
        Assert.Equal("00:02:00", stored?["commandTimeout"]?.GetValue<string>());
        Assert.Equal("00:00:10", stored?["connectTimeout"]?.GetValue<string>());

        // The job form's SSH target offers the profile by name.
        await _page.GotoAsync("/#/jobs/new");
        await _page.GetByLabel("Target type", new() { Exact = true }).SelectOptionAsync("ssh");
        await Expect(_page.Locator($"#connection-list option[value='{Name}']")).ToHaveCountAsync(1);
        await Expect(_page.GetByLabel("Connection profile", new() { Exact = true })).ToHaveAttributeAsync("list", "connection-list");

        await _page.GotoAsync("/#/connections");
        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {Name}" }).ClickAsync();
        await _page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete connection" }).ClickAsync();
        await Expect(_page.Locator(".toast", new() { HasText = $"Deleted {Name}" })).ToBeVisibleAsync();
        await Expect(row).ToHaveCountAsync(0);
        using var gone = await fixture.Host.Api.GetAsync($"api/connections/{Name}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Empty(fixture.PageErrors);
    }
}
