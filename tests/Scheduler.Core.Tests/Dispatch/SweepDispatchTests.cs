using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>The sweep turns due rows into queued runs, once each, under the lane budget and in due-then-priority order.</summary>
public sealed class SweepDispatchTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Sweep_JobDueWithinLookahead_DispatchesOnceWithDelayAndAdvancesJob()
    {
        var h = new EngineHarness();
        var created = await h.CreateAsync(TestJobs.Http("job-1", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))));

        var report = await h.SweepAsync();
        var again = await h.SweepAsync();

        var runId = $"job-1:{T.AddSeconds(5).UtcTicks:D19}";
        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal(0, again.Count(RowOutcome.Dispatched));
        var sent = Assert.Single(h.Sender.Sent);
        Assert.Equal(new RunMessage("job-1", runId), sent.Message);
        Assert.Equal(TimeSpan.FromSeconds(5), sent.VisibilityDelay);
        var run = h.Runs.Get(runId);
        Assert.Equal(RunStatus.Queued, run.Status);
        Assert.NotNull(run.Slot);
        var job = await h.JobAsync("job-1");
        Assert.NotEqual(created.ScheduleVersion, job.ScheduleVersion);
        Assert.Equal(T.AddSeconds(65), job.NextDueUtc);
        Assert.Equal(runId, job.LastRunId);
        Assert.Equal(1, job.Occurrences);
        var row = Assert.Single(h.Due.Entries);
        Assert.Equal(T.AddSeconds(65), row.DueUtc);
        Assert.Equal(job.ScheduleVersion, row.ScheduleVersion);
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(6, 0)]
    public async Task Sweep_WithStartAhead_SendsTheRunThatMuchBeforeDue_OrAtOnce(int startAheadSeconds, int expectedDelaySeconds)
    {
        var h = new EngineHarness();
        h.SweepOptions.StartAhead = TimeSpan.FromSeconds(startAheadSeconds);
        await h.CreateAsync(TestJobs.Http("job-1", TestJobs.Once(T.AddSeconds(5))));

        await h.SweepAsync();

        Assert.Equal(TimeSpan.FromSeconds(expectedDelaySeconds), Assert.Single(h.Sender.Sent).VisibilityDelay);
    }

    [Fact]
    public async Task Sweep_OnceJob_CompletesAfterDispatch()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("once", TestJobs.Once(T)));

        await h.SweepAsync();

        var job = await h.JobAsync("once");
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Null(job.NextDueUtc);
        Assert.Empty(h.Due.Entries);
        Assert.Equal(TimeSpan.Zero, Assert.Single(h.Sender.Sent).VisibilityDelay);
    }

    [Fact]
    public async Task Sweep_BeyondLookahead_LeavesRowForLater()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("later", TestJobs.Once(T.AddSeconds(30))));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.NotYet));
        Assert.Empty(h.Sender.Sent);
        Assert.Single(h.Due.Entries);
    }

    [Fact]
    public async Task Sweep_TwentyDueWithBudgetThree_DispatchesThreeThrottlesRestUntilSlotsFree()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 3 });
        for (var i = 0; i < 20; i++)
        {
            await h.CreateAsync(TestJobs.Http($"job-{i:D2}", TestJobs.Once(T)) with { Timeout = TimeSpan.FromHours(1) });
        }

        var first = await h.SweepAsync();

        Assert.Equal(3, first.Count(RowOutcome.Dispatched));
        Assert.Equal(17, first.Count(RowOutcome.Throttled));
        Assert.Equal(17, h.Config.State.LastThrottled);
        Assert.Equal(3, h.Sender.Sent.Count);
        Assert.Equal(3, h.Slots.Taken("default").Count);
        Assert.Equal(17, h.Due.Entries.Count);

        // Minutes later, with the slots still held, the throttled rows are still read: the cursor stays at their bucket.
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var stuck = await h.SweepAsync();

        Assert.Equal(0, stuck.Count(RowOutcome.Dispatched));
        Assert.Equal(17, stuck.Count(RowOutcome.Throttled));
        Assert.True(string.CompareOrdinal(stuck.Cursor, DueBuckets.Of(T)) <= 0, $"cursor {stuck.Cursor} passed the throttled bucket {DueBuckets.Of(T)}");

        var rounds = 0;
        while (h.Due.Entries.Count > 0 && rounds++ < 10)
        {
            var finished = await h.ProcessQueuedAsync();
            Assert.All(finished, r => Assert.Equal(RunStatus.Succeeded, r.Outcome?.Status));
            Assert.Empty(h.Slots.Taken("default"));
            var next = await h.SweepAsync();
            Assert.InRange(next.Count(RowOutcome.Dispatched), 1, 3);
        }

        Assert.Empty(h.Due.Entries);
        Assert.Equal(20, h.Sender.Sent.Select(s => s.Message.RunId).Distinct().Count());
        Assert.Equal(20, h.Sender.Sent.Count);
    }

    [Fact]
    public async Task Sweep_BudgetOne_DispatchesByDueTimeThenHigherPriority()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        await h.CreateAsync(TestJobs.Http("late-high", TestJobs.Once(T.AddSeconds(3))) with { Priority = 9 });
        await h.CreateAsync(TestJobs.Http("same-low", TestJobs.Once(T.AddSeconds(2))) with { Priority = 2 });
        await h.CreateAsync(TestJobs.Http("early-low", TestJobs.Once(T.AddSeconds(1))) with { Priority = 0 });
        await h.CreateAsync(TestJobs.Http("same-high", TestJobs.Once(T.AddSeconds(2))) with { Priority = 8 });

        var order = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var report = await h.SweepAsync();
            Assert.Equal(1, report.Count(RowOutcome.Dispatched));
            var sent = h.Sender.Sent[^1].Message;
            order.Add(sent.JobId);
            await h.Canceller.CancelAsync(sent.JobId, sent.RunId, None);
        }

        Assert.Equal(["early-low", "same-high", "same-low", "late-high"], order);
    }

    [Fact]
    public async Task Sweep_TwoConcurrentSweeps_DispatchEachOccurrenceExactlyOnce()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 100 });
        for (var i = 0; i < 10; i++)
        {
            await h.CreateAsync(TestJobs.Http($"job-{i}", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        }

        h.Interleave();

        var reports = await Task.WhenAll(Task.Run(h.SweepAsync), Task.Run(h.SweepAsync));

        Assert.Equal(10, reports.Sum(r => r.Count(RowOutcome.Dispatched)));
        Assert.Equal(10, h.Sender.Sent.Count);
        Assert.Equal(10, h.Sender.Sent.Select(s => s.Message.RunId).Distinct().Count());
        Assert.Equal(10, h.Runs.All.Count);
        Assert.Equal(10, h.Slots.Taken("default").Count);
        Assert.All(h.Runs.All, r => Assert.Contains(h.Slots.Taken("default"), s => s.RunId == r.RunId));
        Assert.All(h.Due.Entries, e => Assert.Equal(T.AddMinutes(1), e.DueUtc));
        Assert.Equal(10, h.Due.Entries.Count);
    }

    [Fact]
    public async Task Sweep_RunInsertLandedButAnsweredConflict_CountsAsDispatched()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        h.Runs.LoseNextInsertResponse = true;

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal(EngineHarness.RunIdOf("job", T), Assert.Single(h.Sender.Sent).Message.RunId);
        Assert.Equal(EngineHarness.RunIdOf("job", T), Assert.Single(h.Slots.Taken("default")).RunId);
        Assert.Equal(T.AddMinutes(1), (await h.JobAsync("job")).NextDueUtc);
    }

    [Fact]
    public async Task Sweep_RunAlreadyDispatchedBySweepThatDiedBeforeAdvancing_AdvancesWithoutResending()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        var job = await h.JobAsync("job");
        await h.Runs.InsertAsync(new Run { JobId = "job", RunId = EngineHarness.RunIdOf("job", T), DueUtc = T, Definition = job.Definition, CreatedUtc = T.AddSeconds(-1) }, None);

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.AlreadyDispatched));
        Assert.Empty(h.Sender.Sent);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Equal(T.AddMinutes(1), (await h.JobAsync("job")).NextDueUtc);
        Assert.Equal(T.AddMinutes(1), Assert.Single(h.Due.Entries).DueUtc);
    }

    [Fact]
    public async Task Sweep_PauseAll_DispatchesNothingAndKeepsRows()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { PauseAll = true });
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)));

        var report = await h.SweepAsync();

        Assert.True(report.Paused);
        Assert.Empty(h.Sender.Sent);
        Assert.Empty(h.Runs.All);
        Assert.Single(h.Due.Entries);
    }
}
