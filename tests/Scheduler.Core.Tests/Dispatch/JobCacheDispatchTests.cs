using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Targets;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dispatch;

/// <summary>The sweep dispatches from this process's copy of a job (no read), and never from a copy that storage has moved past:
/// a job edited, paused or deleted by another process (written straight to the store here) is read again before anything runs.</summary>
public sealed class JobCacheDispatchTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task JobCreatedHere_IsDispatchedWithoutReadingIt_InOneWriteWithItsRun()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));
        var (reads, writes) = (h.Jobs.Reads, h.Jobs.Writes);

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal((reads, writes + 1), (h.Jobs.Reads, h.Jobs.Writes));
        var job = await h.JobAsync("job");
        Assert.Equal((JobStatus.Completed, EngineHarness.RunIdOf("job", T.AddSeconds(5))), (job.Status, job.LastRunId));
    }

    [Fact]
    public async Task RecurringJob_ItsNextOccurrence_IsDispatchedFromTheCopyItsLastDispatchWrote()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddSeconds(5))));
        await h.SweepAsync();
        var reads = h.Jobs.Reads;

        h.Time.Advance(TimeSpan.FromMinutes(1));
        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.Equal(reads, h.Jobs.Reads);
        Assert.Equal(2, (await h.JobAsync("job")).Occurrences);
    }

    [Fact]
    public async Task JobEditedElsewhere_AfterItWasCached_RunsWithTheNewDefinition()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));
        var stored = await h.JobAsync("job");
        var edited = stored.Definition with { Target = new HttpTargetSpec { Url = "https://example.test/edited" } };
        await h.Jobs.ReplaceAsync(stored with { Definition = edited }, None);

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        var run = h.Runs.Get(EngineHarness.RunIdOf("job", T.AddSeconds(5)));
        Assert.Equal("https://example.test/edited", ((HttpTargetSpec)run.Definition.Target).Url);
    }

    [Fact]
    public async Task JobPausedElsewhere_AfterItWasCached_DoesNotRun_AndItsRowGoes()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));
        var stored = await h.JobAsync("job");
        await h.Jobs.ReplaceAsync(stored with { Status = JobStatus.Paused, ScheduleVersion = stored.ScheduleVersion + 1 }, None);

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Stale));
        Assert.Empty(h.Runs.All);
        Assert.Empty(h.Sender.Sent);
        Assert.Empty(h.Slots.Taken("default"));
        Assert.Empty(h.Due.Entries);
    }

    [Fact]
    public async Task JobDeletedElsewhere_AfterItWasCached_DoesNotRun()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))));
        await h.Jobs.DeleteAsync("job", null, None);

        var report = await h.SweepAsync();

        // A row whose job is missing may belong to a create still under way: it waits out the pending grace, then goes.
        Assert.Equal(1, report.Count(RowOutcome.Pending));
        Assert.Empty(h.Runs.All);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task JobEditedElsewhere_WithItsScheduleUnchanged_IsNotSkippedOnTheOldCopysPolicies()
    {
        var h = new EngineHarness();
        var definition = TestJobs.Http("job", TestJobs.Once(T.AddSeconds(5))) with
        {
            Misfire = new MisfirePolicy { Action = MisfireAction.Skip, Threshold = TimeSpan.FromSeconds(1) },
        };
        await h.CreateAsync(definition);
        var stored = await h.JobAsync("job");
        await h.Jobs.ReplaceAsync(stored with { Definition = stored.Definition with { Misfire = new MisfirePolicy { Action = MisfireAction.RunOnce, Threshold = TimeSpan.FromSeconds(1) } } }, None);
        h.Time.Advance(TimeSpan.FromSeconds(30));

        var report = await h.SweepAsync();

        Assert.Equal(1, report.Count(RowOutcome.Dispatched));
        Assert.NotEqual(RunStatus.Skipped, h.Runs.Get(EngineHarness.RunIdOf("job", T.AddSeconds(5))).Status);
    }
}
