using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>Every page of the dashboard works under the hosts' Content-Security-Policy: a real Chromium enforces the header the
/// real Server sends, and any script, style or connection the policy blocks is reported by the page itself.</summary>
[Collection("dashboard")]
public sealed class SecurityPolicyTests(DashboardFixture fixture)
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "/", "Overview" },
        { "/#/jobs", "Jobs" },
        { "/#/jobs/new", "New job" },
        { "/#/jobs/csp-job", "csp-job" },
        { "/#/jobs/csp-job/edit", "Edit csp-job" },
        { "/#/runs", "Runs" },
        { "/#/connections", "Connections" },
        { "/#/connections/new", "New connection" },
        { "/#/config", "Config" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_UnderTheSecurityPolicy_RendersWithoutAViolation(string path, string heading)
    {
        SetDefaultExpectTimeout(15_000);
        using (var existing = await fixture.Host.Api.GetAsync("api/jobs/csp-job"))
        {
            if (existing.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                await fixture.Host.CreateJobAsync("csp-job", "csp", SchedulerHost.Rarely());
            }
        }

        var page = await fixture.NewPageAsync();
        // Installed before the page's own scripts, outside its policy: collects every violation the browser reports.
        await page.Context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var response = await page.GotoAsync(path);

        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.Locator("main h1").First).ToContainTextAsync(heading);
        var stylesApplied = await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.topbar')).display");
        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        await page.Context.CloseAsync();

        Assert.NotEqual("inline", stylesApplied);
        Assert.Empty(violations);
        Assert.Empty(fixture.PageErrors);
    }
}
