using Scheduler.Storage;

namespace Scheduler.Cli.Tests;

/// <summary><c>scheduler poison ...</c> against the real Server: a message in its poison queue is listed, shown whole,
/// requeued; an unknown one exits 2.</summary>
[Collection("cli")]
public sealed class PoisonCommandTests(CliFixture fixture)
{
    private CliRunner Cli => fixture.Cli;

    [Fact]
    public async Task ListShowRequeue_AMessageOfThePoisonQueue()
    {
        var clients = new StorageClients(fixture.Host.Storage);
        var sent = await clients.PoisonQueue.SendMessageAsync("""{"jobId":"cli-lost","runId":"cli-lost:0000000000000000001"}""");
        var messageId = sent.Value.MessageId;

        var list = await Cli.RunAsync("poison", "list");
        var show = await Cli.RunAsync("poison", "show", messageId, "-o", "json");
        var requeued = await Cli.RunAsync("poison", "requeue", messageId);
        var again = await Cli.RunAsync("poison", "delete", messageId);

        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(messageId, list.Stdout, StringComparison.Ordinal);
        Assert.Contains("cli-lost", list.Stdout, StringComparison.Ordinal);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("cli-lost:0000000000000000001", show.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(requeued.ExitCode == 0, requeued.ToString());
        Assert.Contains($"Requeued poison message {messageId}.", requeued.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, again.ExitCode);
    }
}
