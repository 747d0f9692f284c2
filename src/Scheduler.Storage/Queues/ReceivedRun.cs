using Scheduler.Core.Runs;

namespace Scheduler.Storage.Queues;

/// <summary>A run message received from the queue, with the lease (pop receipt) that deleting or extending it needs.</summary>
public sealed record ReceivedRun(RunMessage Message, string MessageId, string PopReceipt, long DequeueCount);
