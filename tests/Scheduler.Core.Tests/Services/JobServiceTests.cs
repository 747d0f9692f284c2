using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Services;

public sealed class JobServiceTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_InsertLandedButAnsweredConflict_IsCreated_AndItsRunIsDispatched()
    {
        var h = new EngineHarness();
        h.Jobs.LoseNextInsertResponse = true;

        var created = await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(2))), None);

        Assert.Equal(ServiceStatus.Created, created.Status);
        Assert.Equal((await h.JobAsync("job")).ETag, created.Value!.ETag);
        Assert.Equal(1, (await h.SweepAsync()).Count(RowOutcome.Dispatched));
    }

    [Fact]
    public async Task Create_SameIdAsAnExistingJob_IsStillAConflict()
    {
        var h = new EngineHarness();
        await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(2))), None);

        var second = await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(9))), None);

        Assert.Equal(ServiceStatus.Conflict, second.Status);
    }

    [Fact]
    public async Task Create_JobInsertFails_LeavesOnlyARowTheSweepDropsAsStale()
    {
        var h = new EngineHarness();
        h.Jobs.InsertFault = new IOException("storage unavailable");

        await Assert.ThrowsAsync<IOException>(() => h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)), None));

        Assert.Single(h.Due.Entries);
        Assert.Null(await h.Jobs.GetAsync("job", None));
        Assert.Equal(1, (await h.SweepAsync()).Count(RowOutcome.Pending));
        h.Time.Advance(h.SweepOptions.PendingGrace);
        var report = await h.SweepAsync();
        Assert.Equal(1, report.Count(RowOutcome.Stale));
        Assert.Empty(h.Due.Entries);
        Assert.Empty(h.Sender.Sent);
    }

    [Fact]
    public async Task Create_TwoCreatesOfOneNewIdRace_TheWinnersRowSurvivesAndItRuns()
    {
        var h = new EngineHarness();
        Job? winner = null;
        // The loser has found no job and is about to write its due row: the other create runs whole just then.
        h.Due.BeforeNextAdd = async () =>
        {
            h.Time.Advance(TimeSpan.FromSeconds(1));
            winner = (await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(30))), None)).Value;
        };

        var lost = await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(30))), None);

        Assert.Equal(ServiceStatus.Conflict, lost.Status);
        Assert.NotNull(winner);
        var row = Assert.Single(h.Due.Entries);
        Assert.Equal(winner.ScheduleVersion, row.ScheduleVersion);
        h.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, (await h.SweepAsync()).Count(RowOutcome.Dispatched));
    }

    [Fact]
    public async Task Create_DuplicateId_ConflictsAndLeavesTheExistingJobAndItsRowAlone()
    {
        var h = new EngineHarness();
        var original = await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddHours(1))));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var duplicate = await h.JobService.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(3))), None);

        Assert.Equal(ServiceStatus.Conflict, duplicate.Status);
        var left = Assert.Single(h.Due.Entries);
        Assert.Equal((T.AddHours(1), original.ScheduleVersion), (left.DueUtc, left.ScheduleVersion));
        Assert.Equal(T.AddHours(1), (await h.Jobs.GetAsync("job", None))!.NextDueUtc);
    }

    [Fact]
    public async Task Create_SameIdempotencyKeyTwice_SecondIsAReplayOfTheStoredJob_AnotherIdIsAConflict()
    {
        var h = new EngineHarness();
        var definition = TestJobs.Http("job", TestJobs.Once(T.AddHours(1)));

        var first = await h.JobService.CreateAsync(definition, "key-1", None);
        var again = await h.JobService.CreateAsync(definition, "key-1", None);
        var other = await h.JobService.CreateAsync(TestJobs.Http("other", TestJobs.Once(T.AddHours(1))), "key-1", None);

        Assert.Equal(ServiceStatus.Created, first.Status);
        Assert.Equal((ServiceStatus.Ok, first.Value!.ETag), (again.Status, again.Value!.ETag));
        Assert.Equal(ServiceStatus.Conflict, other.Status);
        Assert.Single(h.Due.Entries);
        Assert.Null(await h.Jobs.GetAsync("other", None));
    }

    [Fact]
    public async Task Create_OnceWithDelay_ResolvesAtFromNow()
    {
        var h = new EngineHarness();
        h.Time.Advance(TimeSpan.FromSeconds(42));

        var job = await h.CreateAsync(TestJobs.Http("job", TestJobs.After(TimeSpan.FromMinutes(10))));

        Assert.Equal(h.Now.AddMinutes(10), job.Definition.Schedule.At);
        Assert.Null(job.Definition.Schedule.Delay);
        Assert.Equal(h.Now.AddMinutes(10), job.NextDueUtc);
    }

    [Fact]
    public async Task Create_Invalid_WritesNothing()
    {
        var h = new EngineHarness();

        var result = await h.JobService.CreateAsync(TestJobs.Http("bad/id", TestJobs.Once(T)), None);

        Assert.Equal(ServiceStatus.Invalid, result.Status);
        Assert.Empty(h.Due.Entries);
        Assert.Equal(0, h.Jobs.Writes);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(60, 0)]
    public async Task Create_DueWithinLookahead_KicksTheSweep(int dueInSeconds, int kicks)
    {
        var h = new EngineHarness();

        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(dueInSeconds))));

        Assert.Equal(kicks, h.Signal.Kicks);
    }

    [Fact]
    public async Task Change_IfMatchMismatch_IsPreconditionFailedWithNothingWritten()
    {
        var h = new EngineHarness();
        var job = await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(5))));
        var writes = h.Jobs.Writes;
        var rows = h.Due.Entries;

        var paused = await h.JobService.PauseAsync("job", "not-the-etag", None);
        var resumed = await h.JobService.ResumeAsync("job", "not-the-etag", None);
        var replaced = await h.JobService.ReplaceAsync(job.Definition with { Priority = 9 }, "not-the-etag", None);
        var deleted = await h.JobService.DeleteAsync("job", "not-the-etag", removeRuns: false, None);

        Assert.All([paused.Status, resumed.Status, replaced.Status, deleted.Status], s => Assert.Equal(ServiceStatus.PreconditionFailed, s));
        Assert.Equal(writes, h.Jobs.Writes);
        Assert.Equal(rows, h.Due.Entries);
        Assert.Equal(job, await h.JobAsync("job"));
    }

    [Fact]
    public async Task Change_IfMatchCurrent_SucceedsWithNewETag()
    {
        var h = new EngineHarness();
        var job = await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(5))));

        var paused = await h.JobService.PauseAsync("job", job.ETag, None);

        Assert.Equal(ServiceStatus.Ok, paused.Status);
        Assert.NotEqual(job.ETag, paused.Value!.ETag);
        Assert.Equal(paused.Value.ETag, (await h.JobAsync("job")).ETag);
    }

    [Fact]
    public async Task PauseThenResume_BumpsVersionAndReindexes()
    {
        var h = new EngineHarness();
        var created = await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))));
        h.Time.Advance(TimeSpan.FromSeconds(1));

        var paused = (await h.JobService.PauseAsync("job", null, None)).Value!;

        Assert.Equal(JobStatus.Paused, paused.Status);
        Assert.NotEqual(created.ScheduleVersion, paused.ScheduleVersion);
        Assert.Equal(created.ScheduleVersion, Assert.Single(h.Due.Entries).ScheduleVersion);
        var whilePaused = await h.SweepAsync();
        Assert.Equal(1, whilePaused.Count(RowOutcome.Stale));
        Assert.Empty(h.Due.Entries);

        h.Time.Advance(TimeSpan.FromMinutes(2));
        var resumed = (await h.JobService.ResumeAsync("job", null, None)).Value!;

        Assert.Equal(JobStatus.Active, resumed.Status);
        Assert.NotEqual(paused.ScheduleVersion, resumed.ScheduleVersion);
        Assert.Equal(T.AddMinutes(2).AddSeconds(5), resumed.NextDueUtc);
        var row = Assert.Single(h.Due.Entries);
        Assert.Equal((resumed.NextDueUtc, resumed.ScheduleVersion), (row.DueUtc, row.ScheduleVersion));
        Assert.Equal(2, h.Signal.Kicks);
        var afterResume = await h.SweepAsync();
        Assert.Equal(1, afterResume.Count(RowOutcome.Dispatched));
        Assert.Equal(EngineHarness.RunIdOf("job", T.AddMinutes(2).AddSeconds(5)), Assert.Single(h.Sender.Sent).Message.RunId);
    }

    [Fact]
    public async Task Trigger_PausedJob_RunExistsWhenTheTriggerAnswersWithoutAdvancingTheJob()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromHours(1), T.AddHours(1))));
        var paused = (await h.JobService.PauseAsync("job", null, None)).Value!;

        var triggered = await h.Triggers.TriggerAsync("job", TriggerRequest.Manual, None);

        Assert.Equal(ServiceStatus.Created, triggered.Status);
        // No sweep ran: the trigger dispatched its own row, so a listing right after it shows the run.
        Assert.Equal((RunTrigger.Manual, RunStatus.Queued), (h.Runs.Get(triggered.Value!).Trigger, h.Runs.Get(triggered.Value!).Status));
        var sent = Assert.Single(h.Sender.Sent);
        Assert.Equal(triggered.Value, sent.Message.RunId);
        Assert.DoesNotContain(h.Due.Entries, e => e.Trigger == RunTrigger.Manual);
        Assert.Equal(0, (await h.SweepAsync()).Count(RowOutcome.Dispatched));
        var job = await h.JobAsync("job");
        Assert.Equal((JobStatus.Paused, paused.ScheduleVersion, 0), (job.Status, job.ScheduleVersion, job.Occurrences));
        // The job shows the manual run as its latest, and counts it apart from scheduled occurrences.
        Assert.Equal((triggered.Value, 1), (job.LastRunId, job.ManualRuns));
    }

    [Fact]
    public async Task Trigger_LaneFull_LeavesTheRowToTheSweepAndKicksIt()
    {
        var h = new EngineHarness();
        await h.SetConfigAsync(new SchedulerConfig { DefaultLaneConcurrency = 1 });
        await h.DispatchAsync(TestJobs.Http("busy", TestJobs.Once(T)));
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromHours(1), T.AddHours(1))));
        var kicks = h.Signal.Kicks;

        var triggered = await h.Triggers.TriggerAsync("job", TriggerRequest.Manual, None);

        Assert.Equal(ServiceStatus.Created, triggered.Status);
        Assert.Equal(kicks + 1, h.Signal.Kicks);
        Assert.Null(await h.Runs.GetAsync("job", triggered.Value!, None));
        Assert.Contains(h.Due.Entries, e => e.Trigger == RunTrigger.Manual && e.JobId == "job");
    }

    [Fact]
    public async Task Trigger_UnknownJob_IsNotFound()
    {
        var h = new EngineHarness();

        var triggered = await h.Triggers.TriggerAsync("missing", TriggerRequest.Manual, None);

        Assert.Equal(ServiceStatus.NotFound, triggered.Status);
        Assert.Empty(h.Due.Entries);
    }
}
