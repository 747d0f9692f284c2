using Azure.Storage.Queues;
using Scheduler.Core.Runs;
using Scheduler.Storage.Queues;
using Scheduler.Testing;

namespace Scheduler.Storage.Tests;

public sealed class RunQueueReceiverTests(AzuriteFixture azurite) : StorageTest(azurite)
{
    private static readonly TimeSpan Hidden = TimeSpan.FromSeconds(30);
    private static readonly RunMessage Message = new("job", RunIds.For("job", Samples.Epoch));

    private RunQueueReceiver Receiver => new(Clients);

    [Fact]
    public async Task DeleteAsync_CurrentReceipt_RemovesTheMessage()
    {
        var received = await SendAndReceiveAsync();

        Assert.True(await Receiver.DeleteAsync(received, Ct));
        Assert.Equal(0, await Receiver.ApproximateCountAsync(poison: false, Ct));
    }

    [Fact]
    public async Task DeleteAsync_MessageAlreadyDeleted_ReturnsFalse()
    {
        var received = await SendAndReceiveAsync();
        await Receiver.DeleteAsync(received, Ct);

        Assert.False(await Receiver.DeleteAsync(received, Ct));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_ThenOldReceipt_UpdateAndDeleteReportLeaseLost()
    {
        var received = await SendAndReceiveAsync();

        var renewed = await Receiver.UpdateVisibilityAsync(received, Hidden, Ct);
        var staleUpdate = await Receiver.UpdateVisibilityAsync(received, Hidden, Ct);
        var staleDelete = await Receiver.DeleteAsync(received, Ct);

        Assert.NotNull(renewed);
        Assert.NotEqual(received.PopReceipt, renewed);
        Assert.Null(staleUpdate);
        Assert.False(staleDelete);
        Assert.True(await Receiver.DeleteAsync(received with { PopReceipt = renewed }, Ct));
    }

    [Fact]
    public async Task UpdateVisibilityAsync_ZeroVisibility_MessageComesBackWithItsBody()
    {
        var received = await SendAndReceiveAsync();

        await Receiver.UpdateVisibilityAsync(received, TimeSpan.Zero, Ct);
        var again = Assert.Single(await Receiver.ReceiveAsync(1, Hidden, Ct));

        Assert.Equal((Message, 2L), (again.Message, again.DequeueCount));
    }

    [Fact]
    public async Task MoveToPoisonAsync_Received_LeavesTheQueueForThePoisonQueue()
    {
        var received = await SendAndReceiveAsync();

        Assert.True(await Receiver.MoveToPoisonAsync(received, Ct));

        Assert.Equal(0, await Receiver.ApproximateCountAsync(poison: false, Ct));
        Assert.Equal(1, await Receiver.ApproximateCountAsync(poison: true, Ct));
        var poisoned = Assert.Single((await Clients.PoisonQueue.ReceiveMessagesAsync(1, Hidden, Ct)).Value);
        Assert.Contains(Message.RunId, poisoned.Body.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"jobId\":\"job\"}")]
    [InlineData("{\"jobId\":\"job\",\"runId\":\"r\",\"extra\":1}")]
    public async Task ReceiveAsync_NotARunMessage_MovesItToPoison(string body)
    {
        await Clients.RunsQueue.SendMessageAsync(body, Ct);

        Assert.Empty(await Receiver.ReceiveAsync(32, Hidden, Ct));

        Assert.Equal(0, await Receiver.ApproximateCountAsync(poison: false, Ct));
        var poisoned = Assert.Single((await Clients.PoisonQueue.ReceiveMessagesAsync(1, Hidden, Ct)).Value);
        Assert.Equal(body, poisoned.Body.ToString());
    }

    [Fact]
    public async Task ReceiveAsync_RawTextNotBase64_MovesItToPoisonAndReturnsTheRest()
    {
        await new QueueClient(Azurite.ConnectionString, Clients.Options.RunsQueue).SendMessageAsync("plain text, not base64!", Ct);
        await new QueueRunSender(Clients).SendAsync(Message, TimeSpan.Zero, Ct);

        var received = await Receiver.ReceiveAsync(32, Hidden, Ct);

        Assert.Equal(Message, Assert.Single(received).Message);
        Assert.Equal(1, await Receiver.ApproximateCountAsync(poison: true, Ct));
    }

    private async Task<ReceivedRun> SendAndReceiveAsync()
    {
        await new QueueRunSender(Clients).SendAsync(Message, TimeSpan.Zero, Ct);
        var received = Assert.Single(await Receiver.ReceiveAsync(32, Hidden, Ct));
        Assert.Equal(Message, received.Message);
        return received;
    }
}
