using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The API reference page (Scalar) of a self-hosted scheduler: the reference, without hosted-service buttons.</summary>
[Collection("dashboard")]
public sealed class ApiReferenceTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Reference_Rendered_HasNoDeployGenerateSdkOrAskAiButtons()
    {
        SetDefaultExpectTimeout(30_000);
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/api/reference", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });

        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Introduction" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "Scheduler API" }).First).ToBeVisibleAsync();
        var text = await page.Locator("body").InnerTextAsync();
        await DashboardFixture.ScreenshotAsync(page, "api-reference");
        await page.Context.CloseAsync();

        Assert.DoesNotContain("Deploy", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Generate SDK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask AI", text, StringComparison.Ordinal);
    }
}
