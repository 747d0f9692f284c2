using Scheduler.Core.Ports;

namespace Scheduler.Api.Models;

/// <summary>The poison queue: its approximate size and its first messages (at most 32, the queue service's limit for one look).</summary>
public sealed record PoisonView(int ApproximateCount, IReadOnlyList<PoisonMessage> Items);
