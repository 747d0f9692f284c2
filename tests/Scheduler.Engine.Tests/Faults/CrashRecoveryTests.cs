using Scheduler.Engine.Tests.Support;
using Scheduler.Testing;
using Xunit.Abstractions;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>kill -9 of the Server process during a stream of runs: nothing is lost, nothing starts early, and the runs the
/// dead process held start again within the message visibility timeout (10 s), not a minute later.</summary>
[Collection("engine")]
public sealed class CrashRecoveryTests(EngineFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task KillNine_DuringAStreamOfRuns_LosesNothing_AndHeldRunsStartWithinTheVisibilityTimeout()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var storage = fixture.Azurite.NewOptions();
        // A short job timeout and in-flight grace: an attempt cut off by the kill is retried within seconds in CI.
        var settings = new Dictionary<string, string?> { ["Scheduler:Runs:InFlightGrace"] = "00:00:02" };
        var first = await ServerProcess.StartAsync(storage, settings);
        await using var firstOwned = first;
        await first.WaitHealthyAsync(TimeSpan.FromMinutes(1));
        var stream = RunSeries.Every(sink, "crash", 30, DateTimeOffset.UtcNow.AddSeconds(4), TimeSpan.FromMilliseconds(300));
        using (var api = first.Client())
        {
            await stream.CreateAsync(api, TimeSpan.FromSeconds(5));
        }

        await Eventually.GetAsync(() => Task.FromResult(stream.Delivered), n => n >= 8, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        await first.SignalAsync("KILL");
        var killed = DateTimeOffset.UtcNow;
        await using var second = await ServerProcess.StartAsync(storage, settings);

        await stream.AllDeliveredAsync(TimeSpan.FromSeconds(60));

        stream.AssertNoneEarlyAndKeysStable();
        var afterKill = Enumerable.Range(0, stream.Dues.Count).Where(i => stream.Dues[i] >= killed.AddSeconds(-1)).Select(stream.Lateness).ToList();
        var worst = afterKill.Max();
        output.WriteLine($"killed at {killed:HH:mm:ss.fff}; {stream.Dues.Count} runs, {afterKill.Count} due from 1 s before the kill on: " +
            $"lateness p50 {RunSeries.Percentile(afterKill, 0.5).TotalSeconds:0.0} s, max {worst.TotalSeconds:0.0} s; delivered twice: {stream.Repeated}");
        Assert.True(worst < Visibility + TimeSpan.FromSeconds(5), $"a run due around the kill started {worst.TotalSeconds:0.0} s late");
        Assert.False(second.HasExited);
    }
}
