using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Functions.Triggers;
using Microsoft.Extensions.Logging;
using Scheduler.Storage;

namespace Scheduler.Functions.Tests.Durable;

/// <summary>What the Functions host's queue listener does for the runs queue: receive a message, invoke
/// <see cref="RunQueueTrigger"/> with the message text and a Durable client, delete the message when the function succeeded;
/// idle, poll less and less often, up to host.json's <c>queues.maxPollingInterval</c>.</summary>
public sealed class QueueTriggerPump(FunctionsApp app) : IAsyncDisposable
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private readonly CancellationTokenSource stopping = new();
    private Task? loop;

    public void Start() => loop = Task.Run(() => RunAsync(stopping.Token));

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = app.Services.GetRequiredService<StorageClients>().RunsQueue;
        var maxInterval = HostJson.Read().QueueMaxPollingInterval;
        var idle = TimeSpan.Zero;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false)).Value;
                await Task.WhenAll(messages.Select(m => DeliverAsync(queue, m.MessageText, m.MessageId, m.PopReceipt, cancellationToken))).ConfigureAwait(false);
                // As the host's listener: polls again at once after messages; idle, waits from 100 ms, doubling to maxPollingInterval.
                idle = messages.Length > 0 ? TimeSpan.Zero : idle == TimeSpan.Zero ? MinInterval : idle * 2 < maxInterval ? idle * 2 : maxInterval;
                if (idle > TimeSpan.Zero)
                {
                    await Task.Delay(idle, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(QueueClient queue, string text, string id, string receipt, CancellationToken cancellationToken)
    {
        try
        {
            await app.Function<RunQueueTrigger>().Run(text, app.Client, app.Context(nameof(RunQueueTrigger), cancellationToken)).ConfigureAwait(false);
            await queue.DeleteMessageAsync(id, receipt, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // As the host does: a failed invocation leaves the message to come back after its visibility timeout.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
#pragma warning disable CA1848, CA2254 // Test plumbing: one plain line in the test output.
            app.Logger.LogError(ex, "RunQueueTrigger failed on {Message}", text);
#pragma warning restore CA1848, CA2254
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        stopping.Dispose();
    }
}
