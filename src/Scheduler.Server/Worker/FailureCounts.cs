using System.Collections.Concurrent;

namespace Scheduler.Server.Worker;

/// <summary>Processing failures per message id. The queue's DequeueCount also counts the returns of suspended runs
/// (a run waiting between retries comes back once per wait), so it cannot tell failures apart: this does.</summary>
internal sealed class FailureCounts(TimeProvider time)
{
    private const int PruneAbove = 10_000;
    private static readonly TimeSpan Forget = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset LastUtc)> failures = new(StringComparer.Ordinal);

    public int Add(string messageId)
    {
        var now = time.GetUtcNow();
        if (failures.Count > PruneAbove)
        {
            foreach (var stale in failures.Where(f => now - f.Value.LastUtc > Forget).Select(f => f.Key).ToList())
            {
                failures.TryRemove(stale, out _);
            }
        }

        return failures.AddOrUpdate(messageId, _ => (1, now), (_, f) => (f.Count + 1, now)).Count;
    }

    public void Clear(string messageId) => failures.TryRemove(messageId, out _);
}
