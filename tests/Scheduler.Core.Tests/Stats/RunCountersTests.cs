using Scheduler.Core.Runs;
using Scheduler.Core.Stats;
using Scheduler.Core.Tests.Fakes;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Stats;

/// <summary>The engine counts each run's final status once and each first attempt's lateness; a host flushes its counts in one
/// write per minute, and keeps what it could not write.</summary>
public sealed class RunCountersTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Engine_RunsThatEndEachWay_CountEachFinalStatusOnceAndEachStart()
    {
        var h = new EngineHarness();
        var succeeded = await h.DispatchAsync(TestJobs.Http("ok", TestJobs.Once(T)));
        var failed = await h.DispatchAsync(TestJobs.Http("bad", TestJobs.Once(T)));
        var canceled = await h.DispatchAsync(TestJobs.Http("stop", TestJobs.Once(T)));
        h.Time.SetUtcNow(T.AddMilliseconds(250));

        await h.ProcessAsync(succeeded);
        h.Executor.Returns(AttemptResult.Failure("400 Bad Request", retryable: false));
        await h.ProcessAsync(failed);
        await h.Canceller.CancelAsync("stop", canceled, None);
        await h.ProcessAsync(succeeded);
        await h.Counters.FlushAsync(null, None);

        var total = h.CounterStore.Total;
        Assert.Equal((1L, 1L, 1L), (total.FinishedWith(RunStatus.Succeeded), total.FinishedWith(RunStatus.Failed), total.FinishedWith(RunStatus.Canceled)));
        Assert.Equal(2, total.Lateness[LatenessBuckets.IndexOf(250)]);
        Assert.Equal(2, total.Started);
        Assert.Equal(1, h.CounterStore.Adds);
    }

    [Fact]
    public async Task FlushAsync_StorageFails_KeepsTheCountsForTheNextFlush()
    {
        var store = new InMemoryRunCounterStore { FailNextAdds = 1 };
        var counters = new RunCounters(store, TimeProvider.System);
        counters.Finished(RunStatus.Succeeded, T);
        counters.Finished(RunStatus.Failed, T.AddMinutes(1));
        counters.Started(-12, T);

        await Assert.ThrowsAsync<IOException>(() => counters.FlushAsync(null, None));
        counters.Finished(RunStatus.Succeeded, T.AddSeconds(30));
        await counters.FlushAsync(null, None);

        Assert.Equal(0, counters.PendingMinutes);
        var total = store.Total;
        Assert.Equal((2L, 1L, 1L, 1L), (total.FinishedWith(RunStatus.Succeeded), total.FinishedWith(RunStatus.Failed), total.Started, total.Early));
        Assert.Equal(2, store.Adds);
    }

    [Fact]
    public async Task FlushAsync_EndedMinutesOnly_WritesEachOnceAndTheHostStillSeesTheRest()
    {
        var store = new InMemoryRunCounterStore();
        var counters = new RunCounters(store, TimeProvider.System);
        var history = new RunHistory(store, counters);
        for (var i = 0; i < 10; i++)
        {
            counters.Finished(RunStatus.Succeeded, T.AddSeconds(i * 5));
            counters.Started(30, T.AddSeconds(i * 5));
        }

        counters.Finished(RunStatus.Succeeded, T.AddMinutes(1).AddSeconds(1));
        await counters.FlushAsync(T.AddMinutes(1), None);
        var seen = await history.ReadAsync(T, T.AddMinutes(2), None);

        Assert.Equal(1, store.Adds);
        Assert.Equal(1, counters.PendingMinutes);
        Assert.Equal((10L, 10L), (store.Total.FinishedWith(RunStatus.Succeeded), store.Total.Started));
        Assert.Equal([T, T.AddMinutes(1)], seen.Select(m => m.Minute));
        Assert.Equal([10L, 1L], seen.Select(m => m.FinishedWith(RunStatus.Succeeded)));
    }

    [Fact]
    public void CounterWindow_LastDay_HasNinetySixQuarterHoursEndingWithNow()
    {
        var now = new DateTimeOffset(2030, 1, 2, 10, 7, 30, TimeSpan.Zero);

        var day = CounterWindow.LastDay(now);
        var hour = CounterWindow.LastHour(now);
        var points = day.Sum([new RunCounts { Minute = now.AddMinutes(-20), Finished = new Dictionary<RunStatus, long> { [RunStatus.Failed] = 3 } }]);

        Assert.Equal((new DateTimeOffset(2030, 1, 1, 10, 15, 0, TimeSpan.Zero), new DateTimeOffset(2030, 1, 2, 10, 15, 0, TimeSpan.Zero)), (day.FromUtc, day.ToUtc));
        Assert.Equal((now.AddMinutes(-59).AddSeconds(-30), now.AddMinutes(1).AddSeconds(-30)), (hour.FromUtc, hour.ToUtc));
        Assert.Equal(96, points.Count);
        Assert.Equal(3, points[^2].FinishedWith(RunStatus.Failed));
    }
}
