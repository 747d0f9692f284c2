using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>A job's stores over one partition: the job row and its runs.</summary>
public sealed record JobPartition(IJobStore Jobs, IRunStore Runs);

/// <summary>The contract of a run written together with its job (<see cref="IRunStore.InsertWithJobAsync"/>): both or neither,
/// conditional on the job's ETag, and a partition's runs never show up as jobs.</summary>
public abstract class JobPartitionContract : PortContract<JobPartition>
{
    [Fact]
    public async Task InsertWithJob_JobUnchanged_WritesBoth_AndAnswersTheirNewETags()
    {
        var (jobs, runs) = await NewAsync();
        var job = Job("job") with { ETag = (await jobs.InsertAsync(Job("job"), Ct)).ETag };
        var run = Run("job", T);

        var written = await runs.InsertWithJobAsync(run, job with { LastRunId = run.RunId, Occurrences = 2 }, Ct);

        Assert.True(written.Done);
        var storedJob = await jobs.GetAsync("job", Ct);
        var storedRun = await runs.GetAsync("job", run.RunId, Ct);
        Assert.Equal((run.RunId, 2, written.JobETag), (storedJob!.LastRunId, storedJob.Occurrences, storedJob.ETag));
        Assert.Equal(written.RunETag, storedRun!.ETag);
    }

    [Fact]
    public async Task InsertWithJob_JobChangedSinceRead_IsStale_AndWritesNeither()
    {
        var (jobs, runs) = await NewAsync();
        var read = Job("job") with { ETag = (await jobs.InsertAsync(Job("job"), Ct)).ETag };
        var edited = await jobs.ReplaceAsync(read with { Status = JobStatus.Paused }, Ct);
        var run = Run("job", T);

        var written = await runs.InsertWithJobAsync(run, read with { LastRunId = run.RunId }, Ct);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Null(await runs.GetAsync("job", run.RunId, Ct));
        var stored = await jobs.GetAsync("job", Ct);
        Assert.Equal((JobStatus.Paused, (string?)null, edited.ETag), (stored!.Status, stored.LastRunId, stored.ETag));
    }

    [Fact]
    public async Task InsertWithJob_JobDeleted_IsStale_AndInsertsNoRun()
    {
        var (jobs, runs) = await NewAsync();
        var read = Job("job") with { ETag = (await jobs.InsertAsync(Job("job"), Ct)).ETag };
        await jobs.DeleteAsync("job", null, Ct);
        var run = Run("job", T);

        var written = await runs.InsertWithJobAsync(run, read with { LastRunId = run.RunId }, Ct);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Null(await runs.GetAsync("job", run.RunId, Ct));
        Assert.Null(await jobs.GetAsync("job", Ct));
    }

    [Fact]
    public async Task InsertWithJob_RunExists_IsConflict_AndLeavesTheJobAsItWas()
    {
        var (jobs, runs) = await NewAsync();
        var job = Job("job") with { ETag = (await jobs.InsertAsync(Job("job"), Ct)).ETag };
        var run = Run("job", T);
        await runs.InsertAsync(run with { Status = RunStatus.Skipped }, Ct);

        var written = await runs.InsertWithJobAsync(run, job with { LastRunId = run.RunId }, Ct);

        Assert.Equal(WriteOutcome.Conflict, written.Outcome);
        Assert.Equal(RunStatus.Skipped, (await runs.GetAsync("job", run.RunId, Ct))!.Status);
        var stored = await jobs.GetAsync("job", Ct);
        Assert.Equal((job.ETag, (string?)null), (stored!.ETag, stored.LastRunId));
    }

    [Fact]
    public async Task RunsInTheJobsPartition_AreListedAsRuns_NeverAsJobs()
    {
        var (jobs, runs) = await NewAsync();
        var job = Job("job") with { ETag = (await jobs.InsertAsync(Job("job"), Ct)).ETag };
        var run = Run("job", T);
        var written = await runs.InsertWithJobAsync(run, job with { LastRunId = run.RunId }, Ct);
        await runs.RecordAttemptAsync(run with { ETag = written.RunETag, Status = RunStatus.Succeeded, AttemptCount = 1 }, Attempt(run, 1), Ct);

        var listedJobs = await jobs.ListAsync(new JobQuery { Limit = 10 }, Ct);
        var listedRuns = await runs.ListByJobAsync("job", 10, null, Ct);

        Assert.Equal(["job"], listedJobs.Items.Select(j => j.Id));
        Assert.Equal([run.RunId], listedRuns.Items.Select(r => r.RunId));
    }
}
