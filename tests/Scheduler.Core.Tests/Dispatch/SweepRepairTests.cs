using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>The sweep repairs slots whose lease ran out: a run still waiting gets its message again, a finished one frees its slot.</summary>
public sealed class SweepRepairTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sweep_LeaseExpiredWhileRunQueued_ResendsMessageAndExtendsLease()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))));
        await h.SweepAsync();
        var runId = EngineHarness.RunIdOf("job", T.AddSeconds(5));
        var slot = Assert.Single(h.Slots.Taken("default"));
        Assert.Equal(T.AddSeconds(5) + TimeSpan.FromSeconds(30) + h.SweepOptions.LeaseGrace, slot.LeaseUntilUtc);
        h.Time.Advance(TimeSpan.FromMinutes(3));

        await h.SweepAsync();

        var resent = h.Sender.Sent.Where(s => s.Message.RunId == runId).ToList();
        Assert.Equal(2, resent.Count);
        Assert.Equal(TimeSpan.Zero, resent[1].VisibilityDelay);
        var extended = h.Slots.Lane("default").Single(s => s.RunId == runId);
        Assert.Equal(h.Now + TimeSpan.FromSeconds(30) + h.SweepOptions.LeaseGrace, extended.LeaseUntilUtc);
        Assert.Equal(RunStatus.Queued, h.Runs.Get(runId).Status);
    }

    [Fact]
    public async Task Sweep_LeaseExpiredWhileRunQueuedAndLaneHasNoDueRows_ResendsMessage()
    {
        // A lost message must be repaired even when nothing else in the lane is due (here a once job: no next row).
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));
        await h.SweepAsync();
        var runId = EngineHarness.RunIdOf("job", T.AddSeconds(5));
        h.Time.Advance(TimeSpan.FromMinutes(3));

        await h.SweepAsync();

        Assert.Equal(2, h.Sender.Sent.Count(s => s.Message.RunId == runId));
    }

    [Fact]
    public async Task Sweep_ExpiredSlotOfFinishedRun_IsFreedForTheNextRun()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        await h.CreateAsync(TestJobs.Http("first", TestJobs.Once(T)));
        await h.SweepAsync();
        var firstRun = EngineHarness.RunIdOf("first", T);
        Assert.Equal(RunStatus.Succeeded, (await h.ProcessAsync(firstRun)).Outcome?.Status);
        // A crash between finishing the run and releasing its slot leaves the slot naming the finished run.
        h.Slots.Seed("default", 0, firstRun, T.AddMinutes(1));
        h.Time.Advance(TimeSpan.FromMinutes(2));
        await h.CreateAsync(TestJobs.Http("second", TestJobs.Once(h.Now)));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal(1, h.Sender.Sent.Count(s => s.Message.RunId == firstRun));
        Assert.Equal(EngineHarness.RunIdOf("second", h.Now), Assert.Single(h.Slots.Taken("default")).RunId);
    }
}
