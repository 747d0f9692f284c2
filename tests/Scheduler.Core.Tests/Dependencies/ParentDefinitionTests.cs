using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Tests.Support;
using static Scheduler.Core.Tests.Dependencies.ParentRunTests;

namespace Scheduler.Core.Tests.Dependencies;

/// <summary>What creates, updates and deletes accept and refuse of a job's parents, and how they keep each parent's children in step.</summary>
public sealed class ParentDefinitionTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Replace_ClosingACycle_IsInvalidNamingTheCycle_AndWritesNothing()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("extract", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(Child("load", On("extract", NotifyOn.Succeeded)));
        var before = await h.JobAsync("extract");

        var replaced = await h.JobService.ReplaceAsync(before.Definition with { After = [On("load", NotifyOn.Succeeded)] }, null, None);

        Assert.Equal(ServiceStatus.Invalid, replaced.Status);
        var error = Assert.Single(replaced.Errors!.All);
        Assert.Equal("after[0].job", error.Field);
        Assert.Contains("extract → load → extract", error.Message, StringComparison.Ordinal);
        var after = await h.JobAsync("extract");
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(["load"], after.Children);
        Assert.Empty((await h.JobAsync("load")).Children);
    }

    [Fact]
    public async Task Create_LongerCycle_NamesEveryJobOnIt()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(Child("b", On("a", NotifyOn.Succeeded)));
        await h.CreateAsync(Child("c", On("b", NotifyOn.Succeeded)));
        var a = await h.JobAsync("a");

        var replaced = await h.JobService.ReplaceAsync(a.Definition with { After = [On("c", NotifyOn.Ended)] }, null, None);

        Assert.Contains("a → b → c → a", Assert.Single(replaced.Errors!.All).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_SelfDependencyOrMissingParent_IsInvalidOnTheField_AndWritesNothing()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T.AddHours(1))));
        var writes = h.Jobs.Writes;

        var self = await h.JobService.CreateAsync(Child("x", On("x", NotifyOn.Succeeded)), None);
        var missing = await h.JobService.CreateAsync(Child("y", On("a", NotifyOn.Succeeded), On("nope", NotifyOn.Failed)), None);

        Assert.Equal(("after[0].job", true), (Assert.Single(self.Errors!.All).Field, self.Errors.All[0].Message.Contains("x → x", StringComparison.Ordinal)));
        Assert.Equal("after[1].job", Assert.Single(missing.Errors!.All).Field);
        Assert.Equal(writes, h.Jobs.Writes);
        Assert.DoesNotContain(h.Due.Entries, e => e.JobId is "x" or "y");
    }

    [Fact]
    public async Task Replace_ChildStopsNamingAParent_LeavesItsChildren()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(TestJobs.Http("b", TestJobs.Once(T.AddHours(1))));
        var child = await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded)));

        var replaced = await h.JobService.ReplaceAsync(child.Definition with { After = [On("b", NotifyOn.Succeeded)] }, null, None);

        Assert.Equal(ServiceStatus.Ok, replaced.Status);
        Assert.Empty((await h.JobAsync("a")).Children);
        Assert.Equal(["c"], (await h.JobAsync("b")).Children);
    }

    [Fact]
    public async Task Delete_ParentWithChildren_IsAConflictNamingThem_UnlessDetached()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(TestJobs.Http("b", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded), On("b", NotifyOn.Succeeded)));

        var refused = await h.JobService.DeleteAsync("a", null, removeRuns: false, detachChildren: false, None);
        var detached = await h.JobService.DeleteAsync("a", null, removeRuns: false, detachChildren: true, None);

        Assert.Equal(ServiceStatus.Conflict, refused.Status);
        Assert.Contains("'c'", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(ServiceStatus.Ok, detached.Status);
        Assert.Null(await h.Jobs.GetAsync("a", None));
        Assert.Equal(["b"], (await h.JobAsync("c")).Definition.After.Select(r => r.Job));
    }

    [Fact]
    public async Task Delete_Child_LeavesItsParentsChildren()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("a", TestJobs.Once(T.AddHours(1))));
        await h.CreateAsync(Child("c", On("a", NotifyOn.Succeeded)));

        await h.JobService.DeleteAsync("c", null, removeRuns: false, None);

        Assert.Empty((await h.JobAsync("a")).Children);
    }

    [Fact]
    public async Task RecurringParentAndChild_EditingThenDeletingTheChild_ChangesWhatTheParentsNextRunsStart()
    {
        var h = new EngineHarness();
        await h.CreateAsync(TestJobs.Http("hourly", TestJobs.Every(TimeSpan.FromMinutes(1), T)));
        var child = await h.CreateAsync(TestJobs.Http("report", TestJobs.Every(TimeSpan.FromHours(1), T.AddMinutes(30))) with { After = [On("hourly", NotifyOn.Succeeded)] });
        await RunOccurrenceAsync(h, 0);
        var afterFirst = h.Runs.All.Count(r => r.JobId == "report");

        await h.JobService.ReplaceAsync(child.Definition with { After = [On("hourly", NotifyOn.Failed)] }, null, None);
        await RunOccurrenceAsync(h, 1);
        var afterEdit = h.Runs.All.Count(r => r.JobId == "report");
        await h.JobService.DeleteAsync("report", null, removeRuns: false, None);
        await RunOccurrenceAsync(h, 2);

        Assert.Equal((1, 1), (afterFirst, afterEdit));
        Assert.Empty((await h.JobAsync("hourly")).Children);
        Assert.Empty(h.Runs.Get(RunIds.For("hourly", T.AddMinutes(2))).Children);
        Assert.Equal(JobStatus.Active, (await h.JobAsync("hourly")).Status);
    }

    /// <summary>Sweeps the parent's occurrence <paramref name="minute"/> minutes after the start, runs it, and sweeps for its children.</summary>
    private static async Task RunOccurrenceAsync(EngineHarness h, int minute)
    {
        h.Time.Advance(T.AddMinutes(minute) - h.Now);
        await h.SweepAsync();
        await h.ProcessAsync(RunIds.For("hourly", T.AddMinutes(minute)));
        await h.SweepAsync();
        await h.ProcessQueuedAsync();
    }
}
