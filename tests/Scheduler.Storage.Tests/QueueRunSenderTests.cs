using System.Diagnostics;
using System.Text;
using Azure.Storage.Queues;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using Scheduler.Storage.Queues;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class QueueRunSenderTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly RunMessage Message = new("job", RunIds.For("job", Samples.Epoch));

    [Fact]
    public async Task SendAsync_WithDelay_InvisibleUntilTheDelayHasPassed()
    {
        var receiver = new RunQueueReceiver(Clients);
        var clock = Stopwatch.StartNew();

        await new QueueRunSender(Clients).SendAsync(Message, TimeSpan.FromSeconds(1.8), Ct);
        var early = await receiver.ReceiveAsync(1, TimeSpan.FromSeconds(30), Ct);
        var late = await Eventually.GetAsync(() => receiver.ReceiveAsync(1, TimeSpan.FromSeconds(30), Ct), r => r.Count > 0, TimeSpan.FromSeconds(10));

        Assert.Empty(early);
        Assert.Equal(Message, Assert.Single(late).Message);
        Assert.Equal(1, late[0].DequeueCount);
        // 1.8 s is rounded down to whole seconds (the workflow waits the rest in process): visible after 1 s, well before 1.8 s + a poll.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"visible after {clock.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_Body_IsBase64JsonOnTheWire()
    {
        await new QueueRunSender(Clients).SendAsync(Message, TimeSpan.Zero, Ct);
        var raw = new QueueClient(Azurite.ConnectionString, Clients.Options.RunsQueue);

        var peeked = Assert.Single((await raw.PeekMessagesAsync(1, Ct)).Value);

        var json = Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString()));
        Assert.Equal(Message, SchedulerJson.Deserialize<RunMessage>(json));
        Assert.Contains("\"runId\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NegativeDelay_VisibleAtOnce()
    {
        await new QueueRunSender(Clients).SendAsync(Message, TimeSpan.FromMinutes(-5), Ct);

        var received = await new RunQueueReceiver(Clients).ReceiveAsync(32, TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(Message, Assert.Single(received).Message);
    }
}
