using System.Text;
using Azure.Storage.Queues;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Targets.Tests.Support;

namespace Scheduler.Targets.Tests.Queue;

/// <summary>Against a real Azurite; every test uses its own queue.</summary>
public sealed class QueueTargetExecutorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task ExecuteAsync_ExistingQueue_PutsMessageBase64Encoded()
    {
        var name = QueueName();
        var raw = new QueueClient(azurite.ConnectionString, name);
        await raw.CreateAsync();
        using var host = Host();

        var result = await host.Executor("queue").ExecuteAsync(Invocations.For(new QueueTargetSpec { QueueName = name, Message = """{"work":"ü"}""" }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Succeeded, result.Status);
        var peeked = Assert.Single((await raw.PeekMessagesAsync(maxMessages: 5)).Value);
        Assert.Equal("""{"work":"ü"}""", Encoding.UTF8.GetString(Convert.FromBase64String(peeked.MessageText)));
        Assert.Contains(peeked.MessageId, result.ResponseExcerpt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_MissingQueue_FailsNonRetryableWithoutCreatingIt()
    {
        var name = QueueName();
        using var host = Host();

        var result = await host.Executor("queue").ExecuteAsync(Invocations.For(new QueueTargetSpec { QueueName = name, Message = "hi" }), CancellationToken.None);

        Assert.Equal(AttemptStatus.Failed, result.Status);
        Assert.False(result.Retryable);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains($"queue '{name}' does not exist", result.Error, StringComparison.Ordinal);
        Assert.False((await new QueueClient(azurite.ConnectionString, name).ExistsAsync()).Value);
    }

    private TargetHost Host() => new(new Dictionary<string, string?> { ["Scheduler:Targets:Queue:ConnectionString"] = azurite.ConnectionString });

    private static string QueueName() => "targets-" + Guid.NewGuid().ToString("N")[..12];
}
