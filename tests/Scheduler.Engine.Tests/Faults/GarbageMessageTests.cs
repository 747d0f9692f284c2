using Azure.Storage.Queues;
using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>Garbage on the runs queue goes to the poison queue; the Server keeps running the real runs.</summary>
[Collection("engine")]
public sealed class GarbageMessageTests(EngineFixture fixture)
{
    [Fact]
    public async Task GarbageOnTheRunsQueue_GoesToPoison_AndRealRunsStillRun()
    {
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        await using var server = await ServerProcess.StartAsync(storage);
        await server.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        var raw = new QueueClient(storage.ConnectionString, storage.RunsQueue);
        var base64 = new QueueClient(storage.ConnectionString, storage.RunsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        string[] garbage = ["not json", "{\"jobId\":null}", "[1,2,3]", "{\"jobId\":\"x\",\"runId\":\"x:0000000000000000001\"}"];
        await raw.SendMessageAsync("raw text, not base64");
        foreach (var body in garbage)
        {
            await base64.SendMessageAsync(body);
        }

        var series = RunSeries.Every(sink, "after-garbage", 3, DateTimeOffset.UtcNow.AddSeconds(3), TimeSpan.FromMilliseconds(500));
        using (var api = server.Client())
        {
            await series.CreateAsync(api, TimeSpan.FromSeconds(5));
        }

        await series.AllDeliveredAsync(TimeSpan.FromSeconds(60));
        var poison = new QueueClient(storage.ConnectionString, storage.RunsQueue + "-poison");
        // Four can not be read at all; the last is a well-formed message of a run that does not exist, which ends without a run.
        await Eventually.GetAsync(async () => (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount, n => n >= 4, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        await Eventually.GetAsync(async () => (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount, n => n == 0, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(200));
        series.AssertNoneEarlyAndKeysStable();
        Assert.False(server.HasExited);
    }
}
