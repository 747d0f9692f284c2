namespace Scheduler.Bench.Peers;

/// <summary>One workload of the peer comparison: <see cref="Count"/> one-off webhook jobs, all due at one instant
/// (<see cref="Spacing"/> zero) or one every <see cref="Spacing"/>, under a concurrency budget, against a sink that holds each
/// request <see cref="HoldMs"/>.</summary>
internal sealed record PeerWorkload(string Name, int Count, int Budget, TimeSpan Spacing, int HoldMs)
{
    public bool IsBurst => Spacing == TimeSpan.Zero;

    public static IReadOnlyList<PeerWorkload> All(int steadySeconds) =>
    [
        new("first run after start", 1, 16, TimeSpan.Zero, 0),
        new("200 due at once, budget 16", 200, 16, TimeSpan.Zero, 0),
        new("1,000 due at once, budget 64", 1000, 64, TimeSpan.Zero, 0),
        new($"steady 20/s for {steadySeconds} s, budget 16", 20 * steadySeconds, 16, TimeSpan.FromMilliseconds(50), 0),
        new("200 at once, budget 8, sink holds 200 ms", 200, 8, TimeSpan.Zero, 200),
        new($"steady 100/s for {steadySeconds} s, budget 64", 100 * steadySeconds, 64, TimeSpan.FromMilliseconds(10), 0),
        new($"steady 200/s for {steadySeconds} s, budget 64", 200 * steadySeconds, 64, TimeSpan.FromMilliseconds(5), 0),
    ];
}
