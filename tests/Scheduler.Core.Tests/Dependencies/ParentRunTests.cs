using Scheduler.Core.Dispatch;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Dependencies;

/// <summary>Jobs that run after other jobs, through the real engine over the fakes: a parent's run that ends as the child's rule
/// says starts exactly one run of the child, through the due index, with the parent run as its lineage.</summary>
public sealed class ParentRunTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly AttemptResult Broken = AttemptResult.Failure("500 Internal Server Error", retryable: true);
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Process_ParentFailsTwiceThenSucceeds_StartsOneChildRunWithTheParentRunAndItsOutput()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Broken, Broken, AttemptResult.Success("rows=42"));
        await h.CreateAsync(TestJobs.Http("extract", TestJobs.Once(T)) with { Retry = TestJobs.ExactRetry(3) });
        await h.CreateAsync(Child("load", On("extract", NotifyOn.Succeeded)));
        await h.SweepAsync();
        var parentRun = RunIds.For("extract", T);

        await h.ProcessAsync(parentRun);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ProcessAsync(parentRun);
        var childRowsBeforeSuccess = h.Due.Entries.Count(e => e.JobId == "load");
        h.Time.Advance(TimeSpan.FromSeconds(2));
        await h.ProcessAsync(parentRun);
        await h.SweepAsync();

        Assert.Equal(0, childRowsBeforeSuccess);
        var child = Assert.Single(h.Runs.All, r => r.JobId == "load");
        Assert.Equal(RunTrigger.Parent, child.Trigger);
        Assert.Equal(new RunParent("extract", parentRun, RunStatus.Succeeded, "rows=42"), child.Inputs.Parent);
        Assert.Equal(h.Runs.Get(parentRun).FinishedUtc, child.DueUtc);
        var childJob = await h.JobAsync("load");
        Assert.Equal((child.RunId, 0), (childJob.LastRunId, childJob.ManualRuns));
    }

    [Fact]
    public async Task Process_OnFailed_StartsTheChildOnlyWhenTheParentsLastRetryFailed()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Broken, AttemptResult.Success());
        await h.CreateAsync(TestJobs.Http("extract", TestJobs.Every(TimeSpan.FromMinutes(1), T)) with { Retry = TestJobs.ExactRetry(2) });
        await h.CreateAsync(Child("cleanup", On("extract", NotifyOn.Failed)));
        await h.SweepAsync();
        var recovering = RunIds.For("extract", T);
        await h.ProcessAsync(recovering);
        await h.SweepAsync();
        var afterAFailedAttempt = h.Runs.All.Count(r => r.JobId == "cleanup");
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ProcessAsync(recovering);
        await h.SweepAsync();
        var afterRecovery = h.Runs.All.Count(r => r.JobId == "cleanup");

        h.Executor.Returns(Broken, Broken);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.SweepAsync();
        var failing = RunIds.For("extract", T.AddMinutes(1));
        await h.ProcessAsync(failing);
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ProcessAsync(failing);
        await h.SweepAsync();

        Assert.Equal((0, 0), (afterAFailedAttempt, afterRecovery));
        Assert.Equal((RunStatus.Succeeded, RunStatus.Failed), (h.Runs.Get(recovering).Status, h.Runs.Get(failing).Status));
        var child = Assert.Single(h.Runs.All, r => r.JobId == "cleanup");
        Assert.Equal((failing, RunStatus.Failed), (child.Inputs.Parent!.RunId, child.Inputs.Parent.Status));
    }

    [Fact]
    public async Task CarryOut_TwiceAndAgainAfterTheChildRan_MakesOneChildRun()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("extract", TestJobs.Once(T)));
        await h.CreateAsync(Child("load", On("extract", NotifyOn.Ended)));
        await h.SweepAsync();
        var parentRun = RunIds.For("extract", T);
        await h.ProcessAsync(parentRun);
        var ended = h.Runs.Get(parentRun);
        var followUp = Assert.Single(FollowUpPlan.For(ended));

        Assert.Equal((FollowUpKinds.Child, "load"), (followUp.Kind, followUp.Target));
        Assert.True((await h.ChildRuns.CarryOutAsync(followUp, ended, None)).Done);
        await h.SweepAsync();
        await h.ProcessQueuedAsync();
        Assert.True((await h.ChildRuns.CarryOutAsync(followUp, ended, None)).Done);
        var report = await h.SweepAsync();

        Assert.Single(h.Runs.All, r => r.JobId == "load");
        Assert.Equal(1, report.Count(RowOutcome.AlreadyDispatched));
        Assert.DoesNotContain(h.Due.Entries, e => e.JobId == "load");
    }

    [Fact]
    public async Task FanIn_RequireAll_OneChildRunPerSetOfParentRuns_StartedByTheRunThatCompletedIt()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", new ScheduleSpec { Kind = ScheduleKind.None }));
        await h.CreateAsync(TestJobs.Http("b", new ScheduleSpec { Kind = ScheduleKind.None }));
        await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded), On("b", NotifyOn.Succeeded)));

        var a1 = await RunByHandAsync(h, "a");
        var a2 = await RunByHandAsync(h, "a");
        var afterTwoOfA = h.Runs.All.Count(r => r.JobId == "c");
        var b1 = await RunByHandAsync(h, "b");
        var afterB = h.Runs.All.Where(r => r.JobId == "c").ToList();
        await RunByHandAsync(h, "b");
        var afterSecondB = h.Runs.All.Count(r => r.JobId == "c");
        await RunByHandAsync(h, "a");

        Assert.NotEqual(a1, a2);
        Assert.Equal(0, afterTwoOfA);
        Assert.Equal(b1, Assert.Single(afterB).Inputs.Parent!.RunId);
        Assert.Equal(1, afterSecondB);
        Assert.Equal(2, h.Runs.All.Count(r => r.JobId == "c"));
        Assert.True((await h.JobAsync("c")).Arrivals.Arrived.Count == 0);
    }

    [Fact]
    public async Task FanIn_RequireAny_EachParentRunStartsOneChildRun()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", new ScheduleSpec { Kind = ScheduleKind.None }));
        await h.CreateAsync(TestJobs.Http("b", new ScheduleSpec { Kind = ScheduleKind.None }));
        await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded), On("b", NotifyOn.Succeeded)) with { Require = ParentsRequired.Any });

        var a1 = await RunByHandAsync(h, "a");
        var b1 = await RunByHandAsync(h, "b");

        Assert.Equal([a1, b1], h.Runs.All.Where(r => r.JobId == "c").Select(r => r.Inputs.Parent!.RunId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Dispatch_ChildPaused_RecordsTheParentsRunAsSkipped()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", new ScheduleSpec { Kind = ScheduleKind.None }));
        await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded)));
        await h.JobService.PauseAsync("c", null, None);

        var a1 = await RunByHandAsync(h, "a");

        var skipped = Assert.Single(h.Runs.All, r => r.JobId == "c");
        Assert.Equal((RunStatus.Skipped, RunTrigger.Parent, a1), (skipped.Status, skipped.Trigger, skipped.Inputs.Parent!.RunId));
        Assert.Empty(h.Due.Entries);
    }

    [Fact]
    public async Task Create_ParentsOnly_IsActiveWithNothingDueAndNeverSweptByTime()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Every(TimeSpan.FromMinutes(1), T.AddHours(1))));

        var child = await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded)));
        h.Time.Advance(TimeSpan.FromMinutes(10));
        await h.SweepAsync();

        Assert.Equal((JobStatus.Active, (DateTimeOffset?)null), (child.Status, child.NextDueUtc));
        Assert.DoesNotContain(h.Due.Entries, e => e.JobId == "c");
        Assert.Equal(["c"], (await h.JobAsync("a")).Children);
        Assert.Empty(h.Runs.All);
    }

    internal static JobDefinition Child(string id, params ParentRule[] parents) =>
        TestJobs.Http(id, new ScheduleSpec { Kind = ScheduleKind.None }) with { After = parents };

    internal static ParentRule On(string parent, NotifyOn on) => new() { Job = parent, On = on };

    /// <summary>Triggers the job by hand, runs everything queued, and sweeps once more (for the child rows its end wrote).</summary>
    private static async Task<string> RunByHandAsync(EngineHarness h, string jobId)
    {
        h.Time.Advance(TimeSpan.FromSeconds(1));
        var runId = (await h.Triggers.TriggerAsync(jobId, TriggerRequest.Manual, None)).Value!;
        await h.SweepAsync();
        await h.ProcessQueuedAsync();
        await h.SweepAsync();
        await h.ProcessQueuedAsync();
        return runId;
    }
}
