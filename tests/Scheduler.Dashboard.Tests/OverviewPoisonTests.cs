using Microsoft.Playwright;
using Scheduler.Storage;
using static Microsoft.Playwright.Assertions;

namespace Scheduler.Dashboard.Tests;

/// <summary>The overview counts the poison queue's messages, so that one waiting for a person is seen.</summary>
[Collection("dashboard")]
public sealed class OverviewPoisonTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Overview_APoisonMessage_IsCountedOnItsCard()
    {
        SetDefaultExpectTimeout(15_000);
        var clients = new StorageClients(fixture.Host.Storage);
        var sent = await clients.PoisonQueue.SendMessageAsync("""{"jobId":"dash-lost","runId":"dash-lost:0000000000000000001"}""");
        try
        {
            var page = await fixture.NewPageAsync();
            await page.GotoAsync("/");

            await Expect(page.Locator("#stat-poison")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[1-9]"));
            await Expect(page.Locator("#stat-poison-label")).ToHaveTextAsync("Poison");
            await page.Context.CloseAsync();
            Assert.Empty(fixture.PageErrors);
        }
        finally
        {
            await clients.PoisonQueue.DeleteMessageAsync(sent.Value.MessageId, sent.Value.PopReceipt);
        }
    }
}
