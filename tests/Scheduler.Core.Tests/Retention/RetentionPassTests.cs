using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Stats;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Retention;

/// <summary>The retention pass over the engine's own runs: ended runs past their retention go with their attempts, the job's last
/// run and unfinished runs stay, a count per job keeps the newest, a pass stops at its budget, counters and idempotency keys expire.</summary>
public sealed class RetentionPassTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task RunAsync_EndedRunsPastRetention_GoWithTheirAttempts_RecentAndUnfinishedStay()
    {
        var h = new EngineHarness();
        h.RetentionOptions.RunsFor = TimeSpan.FromSeconds(90);
        var ended = await RunEveryMinuteAsync(h, "tick", 5);
        var queued = await DispatchAtAsync(h, "tick", T.AddMinutes(5));
        h.Time.SetUtcNow(T.AddMinutes(5).AddSeconds(30));

        var report = await h.Retention.RunAsync(None);

        // Finished at 0..4 min (+1 s); the cut-off is 4 min: runs 0..3 go, run 4 is younger, the queued one has not ended.
        Assert.Equal((4, false), (report.Runs, report.Truncated));
        Assert.Equal([ended[4], queued], h.Runs.All.Select(r => r.RunId));
        Assert.All(ended.Take(4), id => Assert.Empty(h.Runs.AttemptsOf(id)));
        Assert.Single(h.Runs.AttemptsOf(ended[4]));
        Assert.Equal(1, h.Runs.AttemptCount);
        var page = await h.Runs.ListByJobAsync("tick", 1, null, None);
        var next = await h.Runs.ListByJobAsync("tick", 1, page.Continuation, None);
        Assert.Equal([queued], page.Items.Select(r => r.RunId));
        Assert.Equal([ended[4]], next.Items.Select(r => r.RunId));
        Assert.Null(next.Continuation);
    }

    [Fact]
    public async Task RunAsync_TheJobsLastRunPastRetention_Stays()
    {
        var h = new EngineHarness();
        h.RetentionOptions.RunsFor = TimeSpan.FromSeconds(1);
        var ended = await RunEveryMinuteAsync(h, "tick", 3);
        h.Time.SetUtcNow(T.AddDays(1));

        var report = await h.Retention.RunAsync(None);

        Assert.Equal(ended[^1], (await h.JobAsync("tick")).LastRunId);
        Assert.Equal(2, report.Runs);
        Assert.Equal([ended[^1]], h.Runs.All.Select(r => r.RunId));
    }

    [Fact]
    public async Task RunAsync_EndedRunWhoseFollowUpsArePending_StaysPastRetention()
    {
        var h = new EngineHarness();
        h.RetentionOptions.RunsFor = TimeSpan.FromSeconds(1);
        var ended = await RunEveryMinuteAsync(h, "tick", 3);
        var pending = h.Runs.Get(ended[0]);
        await h.Runs.ReplaceAsync(pending with { FollowUpsPending = true }, None);
        h.Time.SetUtcNow(T.AddDays(1));

        var report = await h.Retention.RunAsync(None);

        // Run 0 waits for its follow-ups, run 2 is the job's last run: only run 1 goes.
        Assert.Equal(1, report.Runs);
        Assert.Equal([ended[0], ended[2]], h.Runs.All.Select(r => r.RunId));
    }

    [Fact]
    public async Task RunAsync_RunsPerJob_KeepsTheNewestEndedRunsOfEachJob()
    {
        var h = new EngineHarness();
        h.RetentionOptions.RunsPerJob = 2;
        var ended = await RunEveryMinuteAsync(h, "tick", 5);

        var report = await h.Retention.RunAsync(None);

        Assert.Equal(3, report.Runs);
        Assert.Equal(ended[3..], h.Runs.All.Select(r => r.RunId));
    }

    [Fact]
    public async Task RunAsync_MoreThanAPassMayDelete_StopsTruncatedAndTheNextPassGoesOn()
    {
        var h = new EngineHarness();
        h.RetentionOptions.RunsFor = TimeSpan.FromSeconds(1);
        h.RetentionOptions.MaxDeletesPerPass = 2;
        await RunEveryMinuteAsync(h, "tick", 6);
        h.Time.SetUtcNow(T.AddHours(1));

        var first = await h.Retention.RunAsync(None);
        var second = await h.Retention.RunAsync(None);
        var third = await h.Retention.RunAsync(None);

        Assert.Equal([(2, true), (2, true), (1, false)], new[] { first, second, third }.Select(r => (r.Runs, r.Truncated)));
        Assert.Single(h.Runs.All);
    }

    [Fact]
    public async Task RunAsync_CountersPastRetention_Go_TheHourChartStillReadsTheRest()
    {
        var h = new EngineHarness();
        h.RetentionOptions.CountersFor = TimeSpan.FromMinutes(30);
        for (var minute = 0; minute < 90; minute += 10)
        {
            await h.CounterStore.AddAsync(new RunCounts { Minute = T.AddMinutes(minute), Finished = new Dictionary<RunStatus, long> { [RunStatus.Succeeded] = 1 } }, None);
        }

        h.Time.SetUtcNow(T.AddMinutes(85));

        var report = await h.Retention.RunAsync(None);
        var hour = CounterWindow.LastHour(h.Now);
        var points = hour.Sum(await h.CounterStore.ReadAsync(hour.FromUtc, hour.ToUtc, None));

        Assert.Equal(6, report.Counters);
        Assert.Equal(3, h.CounterStore.Count);
        Assert.Equal(60, points.Count);
        Assert.Equal(3, points.Sum(p => p.FinishedWith(RunStatus.Succeeded)));
    }

    [Fact]
    public async Task RunAsync_IdempotencyKeyPastItsWindow_IsForgotten_ARepeatIsRefusedByTheJobIdAndTheKeyIsFreeAgain()
    {
        var h = new EngineHarness();
        h.RetentionOptions.IdempotencyKeysFor = TimeSpan.FromSeconds(30);
        var definition = TestJobs.Http("once", TestJobs.After(TimeSpan.FromHours(1)));
        var created = await h.JobService.CreateAsync(definition, "key-1", None);
        h.Time.SetUtcNow(T.AddSeconds(20));
        var replay = await h.JobService.CreateAsync(definition, "key-1", None);
        var early = await h.Retention.RunAsync(None);
        h.Time.SetUtcNow(T.AddSeconds(31));

        var report = await h.Retention.RunAsync(None);
        var repeat = await h.JobService.CreateAsync(definition, "key-1", None);
        var reused = await h.JobService.CreateAsync(definition with { Id = "other" }, "key-1", None);

        Assert.Equal((ServiceStatus.Created, ServiceStatus.Ok, 0, 1), (created.Status, replay.Status, early.Keys, report.Keys));
        Assert.Equal(ServiceStatus.Conflict, repeat.Status);
        Assert.Equal(ServiceStatus.Conflict, reused.Status);
        Assert.Contains("'once'", reused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobDelete_KeepingRuns_LeavesThemToRetention_RemovingRuns_DeletesTheEndedOnesNow()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("kept", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        await h.CreateAsync(TestJobs.Http("gone", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        for (var i = 0; i < 2; i++)
        {
            await DispatchAtAsync(h, "gone", T.AddMinutes(i));
            h.Time.SetUtcNow(T.AddMinutes(i).AddSeconds(1));
            await h.ProcessQueuedAsync();
        }

        var underWay = await DispatchAtAsync(h, "gone", T.AddMinutes(2));
        string[] kept = [RunIds.For("kept", T), RunIds.For("kept", T.AddMinutes(1)), RunIds.For("kept", T.AddMinutes(2))];
        string[] gone = [RunIds.For("gone", T), RunIds.For("gone", T.AddMinutes(1))];

        var keep = await h.JobService.DeleteAsync("kept", null, removeRuns: false, None);
        var remove = await h.JobService.DeleteAsync("gone", null, removeRuns: true, None);

        Assert.Equal((ServiceStatus.Ok, ServiceStatus.Ok), (keep.Status, remove.Status));
        Assert.Equal(kept.Append(underWay).Order(StringComparer.Ordinal), h.Runs.All.Select(r => r.RunId).Order(StringComparer.Ordinal));
        Assert.All(gone, id => Assert.Empty(h.Runs.AttemptsOf(id)));
        h.RetentionOptions.RunsFor = TimeSpan.FromSeconds(1);
        h.Time.SetUtcNow(T.AddHours(1));
        Assert.Equal(2, (await h.Retention.RunAsync(None)).Runs);
        Assert.Equal(new[] { kept[2], underWay }.Order(StringComparer.Ordinal), h.Runs.All.Select(r => r.RunId).Order(StringComparer.Ordinal));
    }

    /// <summary>Sweeps at <paramref name="due"/>, which dispatches the job's run due then; answers its id.</summary>
    private static async Task<string> DispatchAtAsync(EngineHarness h, string jobId, DateTimeOffset due)
    {
        h.Time.SetUtcNow(due);
        await h.SweepAsync();
        var runId = RunIds.For(jobId, due);
        Assert.Contains(h.Runs.All, r => r.RunId == runId);
        return runId;
    }

    /// <summary>Runs the job every minute from <see cref="T"/>, each to success one second after it is due; answers the run ids.</summary>
    private static async Task<string[]> RunEveryMinuteAsync(EngineHarness h, string jobId, int runs)
    {
        await h.CreateAsync(TestJobs.Http(jobId, TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        var ids = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            ids.Add(await DispatchAtAsync(h, jobId, T.AddMinutes(i)));
            h.Time.SetUtcNow(T.AddMinutes(i).AddSeconds(1));
            await h.ProcessQueuedAsync();
            Assert.Equal(RunStatus.Succeeded, h.Runs.Get(ids[^1]).Status);
        }

        return [.. ids];
    }
}
