using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>Stale rows, misfire and overlap policies as the sweep applies them.</summary>
public sealed class SweepPolicyTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sweep_RowsOfDeletedPausedAndRescheduledJobs_AreDroppedAsStale()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("deleted", TestJobs.Once(T.AddSeconds(1))));
        await h.CreateAsync(TestJobs.Http("paused", TestJobs.Once(T.AddSeconds(1))));
        var rescheduled = await h.CreateAsync(TestJobs.Http("rescheduled", TestJobs.Once(T.AddSeconds(1))));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.JobService.DeleteAsync("deleted", null, removeRuns: false, None);
        await h.JobService.PauseAsync("paused", null, None);
        await h.JobService.ReplaceAsync(rescheduled.Definition with { Schedule = TestJobs.Once(T.AddHours(1)) }, null, None);

        var report = await h.SweepAsync();
        // A row whose job is missing may belong to a create still in progress: it waits out the pending grace first.
        h.Time.Advance(h.SweepOptions.PendingGrace);
        var later = await h.SweepAsync();

        Assert.Equal(2, report.Count(RowOutcome.Stale));
        Assert.Equal(1, report.Count(RowOutcome.Pending));
        Assert.Equal(1, later.Count(RowOutcome.Stale));
        Assert.Equal(0, report.Count(RowOutcome.Dispatched) + later.Count(RowOutcome.Dispatched));
        Assert.Empty(h.Sender.Sent);
        Assert.Empty(h.Runs.All);
        var left = Assert.Single(h.Due.Entries);
        Assert.Equal(("rescheduled", T.AddHours(1)), (left.JobId, left.DueUtc));
    }

    [Fact]
    public async Task Sweep_RowWrittenAheadOfItsJob_WaitsForTheJob_ThenDispatches()
    {
        var h = new EngineHarness();
        var job = await h.CreateAsync(TestJobs.Http("racing", TestJobs.Every(TimeSpan.FromHours(1), T.AddHours(1))));
        h.Time.Advance(TimeSpan.FromSeconds(1));
        // An update is half done: its new row (due now) is written, the job row not yet.
        var version = job.ScheduleVersion + 1_000;
        await h.Due.AddAsync(DueEntryFactory.Scheduled(job, h.Now, version, h.Now), None);

        var during = await h.SweepAsync();
        var written = await h.Jobs.ReplaceAsync(job with { ScheduleVersion = version, NextDueUtc = h.Now }, None);
        var after = await h.SweepAsync();

        Assert.True(written.Done);

        Assert.Equal(1, during.Count(RowOutcome.Pending));
        Assert.Equal(1, after.Count(RowOutcome.Dispatched));
        Assert.Single(h.Sender.Sent);
    }

    [Fact]
    public async Task Sweep_MisfireSkip_RecordsSkippedRunAndResumesFromNow()
    {
        var h = new EngineHarness();
        var misfire = new MisfirePolicy { Action = MisfireAction.Skip, Threshold = TimeSpan.FromSeconds(10) };
        await h.CreateAsync(TestJobs.Http("skip", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(10))) with { Misfire = misfire });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Skipped));
        Assert.Empty(h.Sender.Sent);
        var skipped = Assert.Single(h.Runs.All);
        Assert.Equal(RunStatus.Skipped, skipped.Status);
        Assert.Equal(EngineHarness.RunIdOf("skip", T.AddSeconds(10)), skipped.RunId);
        Assert.Contains("Skip", skipped.LastError, StringComparison.Ordinal);
        var job = await h.JobAsync("skip");
        Assert.Equal(T.AddMinutes(5).AddSeconds(10), job.NextDueUtc);
        Assert.Equal(0, job.Occurrences);
    }

    [Fact]
    public async Task Sweep_MisfireRunAll_RunsEachMissedOccurrenceWithinWindow()
    {
        var h = new EngineHarness();
        var misfire = new MisfirePolicy { Action = MisfireAction.RunAll, Threshold = TimeSpan.FromSeconds(10), Window = TimeSpan.FromHours(1) };
        await h.CreateAsync(TestJobs.Http("all", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(10))) with { Misfire = misfire });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5).Add(TimeSpan.FromSeconds(30)));

        for (var i = 0; i < 10; i++)
        {
            await h.SweepAsync();
        }

        var expected = Enumerable.Range(0, 6).Select(m => EngineHarness.RunIdOf("all", T.AddSeconds(10).AddMinutes(m)));
        Assert.Equal(expected, h.Sender.Sent.Select(s => s.Message.RunId));
        Assert.All(h.Sender.Sent, s => Assert.Equal(TimeSpan.Zero, s.VisibilityDelay));
        Assert.Equal(T.AddMinutes(6).AddSeconds(10), (await h.JobAsync("all")).NextDueUtc);
    }

    [Fact]
    public async Task Sweep_MisfireRunOnce_RunsOneOccurrenceAndResumesFromNow()
    {
        var h = new EngineHarness();
        var misfire = new MisfirePolicy { Action = MisfireAction.RunOnce, Threshold = TimeSpan.FromSeconds(10) };
        await h.CreateAsync(TestJobs.Http("once", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(10))) with { Misfire = misfire });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(5));

        await h.SweepAsync();
        await h.SweepAsync();

        Assert.Equal([EngineHarness.RunIdOf("once", T.AddSeconds(10))], h.Sender.Sent.Select(s => s.Message.RunId));
        Assert.Equal(T.AddMinutes(5).AddSeconds(10), (await h.JobAsync("once")).NextDueUtc);
    }

    [Fact]
    public async Task Sweep_OverlapSkipWithPreviousRunActive_RecordsSkippedRun()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("ov", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))) with { Overlap = OverlapPolicy.Skip });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Skipped));
        Assert.Single(h.Sender.Sent);
        var skipped = h.Runs.Get(EngineHarness.RunIdOf("ov", T.AddSeconds(65)));
        Assert.Equal(RunStatus.Skipped, skipped.Status);
        Assert.Equal(T.AddSeconds(125), (await h.JobAsync("ov")).NextDueUtc);
    }

    [Fact]
    public async Task Sweep_OverlapSkipWithPreviousRunFinished_Dispatches()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("ov", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))) with { Overlap = OverlapPolicy.Skip });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.ProcessQueuedAsync();

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal(2, h.Sender.Sent.Count);
    }

    [Fact]
    public async Task Sweep_OverlapBufferOne_HoldsRowUntilPreviousRunEnds()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("buf", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))) with { Overlap = OverlapPolicy.BufferOne });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        var version = (await h.JobAsync("buf")).ScheduleVersion;

        var held = await h.SweepAsync();

        Assert.Equal(1, held.Count(RowOutcome.Held));
        Assert.Single(h.Sender.Sent);
        Assert.Equal(version, (await h.JobAsync("buf")).ScheduleVersion);
        Assert.Equal(T.AddSeconds(65), Assert.Single(h.Due.Entries).DueUtc);

        var first = await h.ProcessAsync(EngineHarness.RunIdOf("buf", T.AddSeconds(5)));
        var released = await h.SweepAsync();

        Assert.Equal(RunStatus.Succeeded, first.Outcome?.Status);
        Assert.Equal(1, released.Count(RowOutcome.Dispatched));
        var sent = h.Sender.Sent[^1];
        Assert.Equal(EngineHarness.RunIdOf("buf", T.AddSeconds(65)), sent.Message.RunId);
        Assert.Equal(TimeSpan.FromSeconds(5), sent.VisibilityDelay);
    }

    [Fact]
    public async Task Sweep_StaleRowAheadOfDueRow_DoesNotUseUpTheBudget()
    {
        // Budget 1: the paused job's row comes first but is dropped as stale; the live job behind it must still start on time.
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        await h.CreateAsync(TestJobs.Http("paused", TestJobs.Once(T.AddSeconds(1))));
        await h.CreateAsync(TestJobs.Http("live", TestJobs.Once(T.AddSeconds(2))));
        await h.JobService.PauseAsync("paused", null, None);

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Stale));
        Assert.Equal(0, report.Count(RowOutcome.Throttled));
        Assert.Equal("live", Assert.Single(h.Sender.Sent).Message.JobId);
    }

    [Fact]
    public async Task Sweep_HeldRowAheadOfDueRow_DoesNotStarveOtherJobs()
    {
        // Budget 2: "buf" holds one slot with a long run and its next row is held (BufferOne); "other" must get the free slot.
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 2 });
        await h.CreateAsync(TestJobs.Http("buf", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))) with
        {
            Overlap = OverlapPolicy.BufferOne,
            Timeout = TimeSpan.FromHours(1),
        });
        await h.SweepAsync();
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.CreateAsync(TestJobs.Http("other", TestJobs.Once(T.AddSeconds(66))));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Held));
        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Contains(h.Sender.Sent, s => s.Message.JobId == "other");
    }
}
