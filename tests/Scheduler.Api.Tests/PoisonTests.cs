using System.Net;
using System.Text.Json.Nodes;
using Scheduler.Api.Tests.Support;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using Scheduler.Storage;
using Scheduler.Testing;

namespace Scheduler.Api.Tests;

/// <summary>Poison messages handled by people through the API: listed with their text, read one by one, requeued to the runs
/// queue or deleted; a bad or unknown id is answered and changes nothing.</summary>
[Collection(ApiDefinition.Name)]
public sealed class PoisonTests(ApiFixture fixture)
{
    [Fact]
    public async Task Poison_ListReadRequeueDelete_EachMessageHandledOnce()
    {
        await using var app = new SchedulerApp(fixture.Azurite.NewOptions(), background: false);
        using var client = app.Api();
        var clients = app.Get<StorageClients>();
        foreach (var job in new[] { "lost-a", "lost-b" })
        {
            await clients.PoisonQueue.SendMessageAsync(SchedulerJson.Serialize(new RunMessage(job, RunIds.For(job, DateTimeOffset.UnixEpoch))));
        }

        var listed = await (await client.GetAsync("/api/poison")).ExpectAsync(HttpStatusCode.OK);
        var stats = await (await client.GetAsync("/api/stats")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats["poisonMessages"]!.GetValue<int>());
        var items = listed["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.Equal(2, listed["approximateCount"]!.GetValue<int>());
        var (first, second) = (Id(items[0]), Id(items[1]));
        var read = await (await client.GetAsync($"/api/poison/{first}")).ExpectAsync(HttpStatusCode.OK);
        Assert.Contains("lost-", read["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await (await client.GetAsync("/api/poison/not-a-guid")).ExpectProblemAsync(HttpStatusCode.BadRequest, "messageId");
        await (await client.DeleteAsync($"/api/poison/{Guid.NewGuid()}")).ExpectProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(new Uri($"/api/poison/{first}/requeue", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/poison/{second}")).StatusCode);
        await (await client.PostAsync(new Uri($"/api/poison/{first}/requeue", UriKind.Relative), null)).ExpectProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty((await (await client.GetAsync("/api/poison")).ExpectAsync(HttpStatusCode.OK))["items"]!.AsArray());
        var requeued = Assert.Single((await clients.RunsQueue.PeekMessagesAsync(32)).Value);
        Assert.Equal(read["text"]!.GetValue<string>(), requeued.Body.ToString());
    }

    private static string Id(JsonNode? message) => message!["messageId"]!.GetValue<string>();
}
