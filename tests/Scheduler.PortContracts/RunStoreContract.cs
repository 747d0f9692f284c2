using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Serialization;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IRunStore"/>'s writes and point reads: an occurrence is inserted once, an attempt is recorded
/// with its run in one write that an old ETag or a repeated attempt number refuses whole.</summary>
public abstract partial class RunStoreContract : PortContract<IRunStore>
{
    [Fact]
    public async Task InsertAsync_NewRun_GetReturnsEveryFieldAndTheWrittenETag()
    {
        var store = await NewAsync();
        var run = Run("job", T) with
        {
            Status = RunStatus.Retrying,
            Trigger = RunTrigger.Manual,
            AttemptCount = 2,
            InFlightAttempt = 3,
            InFlightSinceUtc = T.AddSeconds(5),
            StartedUtc = T.AddMilliseconds(12),
            LatenessMs = 12.5,
            LastError = "HTTP 503",
            ResultExcerpt = "busy",
            CancelRequested = true,
            Slot = new SlotHold("default", 4, "W/\"etag\""),
        };

        var written = await store.InsertAsync(run, Ct);
        var read = await store.GetAsync("job", run.RunId, Ct);

        Assert.True(written.Done);
        Assert.NotNull(read);
        Assert.Equal(run with { ETag = written.ETag, Definition = read.Definition }, read);
        Assert.Equal(SchedulerJson.Serialize(run.Definition), SchedulerJson.Serialize(read.Definition));
    }

    [Fact]
    public async Task InsertAsync_RunWithInputs_GetReturnsItsParametersAndParent()
    {
        var store = await NewAsync();
        var inputs = new RunInputs
        {
            Parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["date"] = "2030-01-01", ["quote"] = "a \"b\" {{c}}" },
            Parent = new RunParent("extract", RunIds.For("extract", T), RunStatus.Succeeded, "rows=12"),
        };
        var run = Run("job", T) with { Trigger = RunTrigger.Parent, Inputs = inputs };

        await store.InsertAsync(run, Ct);
        var read = await store.GetAsync("job", run.RunId, Ct);

        Assert.NotNull(read);
        Assert.Equal(RunTrigger.Parent, read.Trigger);
        Assert.Equal(inputs.Parent, read.Inputs.Parent);
        Assert.Equal(inputs.Parameters, read.Inputs.Parameters);
    }

    [Fact]
    public async Task InsertAsync_RunWithChildren_GetReturnsThemInOrder()
    {
        var store = await NewAsync();
        var run = Run("job", T) with { Children = ["load", "report.daily"] };

        await store.InsertAsync(run, Ct);
        var read = await store.GetAsync("job", run.RunId, Ct);

        Assert.Equal(["load", "report.daily"], read!.Children);
        Assert.Empty((await store.GetAsync("job", (await InsertedWithoutChildrenAsync(store)).RunId, Ct))!.Children);
    }

    private async Task<Run> InsertedWithoutChildrenAsync(IRunStore store)
    {
        var run = Run("job", T.AddMinutes(1));
        await store.InsertAsync(run, Ct);
        return run;
    }

    [Fact]
    public async Task InsertAsync_SameOccurrenceTwice_SecondIsConflict()
    {
        var store = await NewAsync();

        var first = await store.InsertAsync(Run("job", T), Ct);
        var second = await store.InsertAsync(Run("job", T) with { Status = RunStatus.Running }, Ct);

        Assert.True(first.Done);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Equal(RunStatus.Queued, (await store.GetAsync("job", RunIds.For("job", T), Ct))!.Status);
    }

    [Fact]
    public async Task ReplaceAsync_OldETag_IsStaleAndKeepsTheWinner_MissingIsNotFound()
    {
        var store = await NewAsync();
        var run = Run("job", T) with { ETag = (await store.InsertAsync(Run("job", T), Ct)).ETag };
        var winner = await store.ReplaceAsync(run with { Status = RunStatus.Running }, Ct);

        var stale = await store.ReplaceAsync(run with { Status = RunStatus.Canceled }, Ct);

        Assert.True(winner.Done);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal((RunStatus.Running, winner.ETag), ((await store.GetAsync("job", run.RunId, Ct))!.Status, (await store.GetAsync("job", run.RunId, Ct))!.ETag));
        Assert.Equal(WriteOutcome.NotFound, (await store.ReplaceAsync(Run("job", T.AddDays(1)), Ct)).Outcome);
    }

    [Fact]
    public async Task RecordAttemptAsync_CurrentETag_WritesRunAndAttemptTogether()
    {
        var store = await NewAsync();
        var run = Run("job", T);
        run = run with { ETag = (await store.InsertAsync(run, Ct)).ETag };

        var first = await store.RecordAttemptAsync(run with { AttemptCount = 1, Status = RunStatus.Retrying }, Attempt(run, 1) with { Result = AttemptResult.Failure("503", true) }, Ct);
        var second = await store.RecordAttemptAsync(run with { ETag = first.ETag, AttemptCount = 2, Status = RunStatus.Succeeded }, Attempt(run, 2), Ct);

        Assert.True(first.Done);
        Assert.True(second.Done);
        var stored = (await store.GetAsync("job", run.RunId, Ct))!;
        Assert.Equal((2, RunStatus.Succeeded, second.ETag), (stored.AttemptCount, stored.Status, stored.ETag));
        var attempts = await store.ListAttemptsAsync("job", run.RunId, Ct);
        Assert.Equal([1, 2], attempts.Select(a => a.Number));
        Assert.Equal(Attempt(run, 2) with { Result = attempts[1].Result }, attempts[1]);
        Assert.Equal(("503", true, AttemptStatus.Failed), (attempts[0].Result.Error, attempts[0].Result.Retryable, attempts[0].Result.Status));
    }

    [Fact]
    public async Task RecordAttemptAsync_OldETag_WritesNeitherRunNorAttempt()
    {
        var store = await NewAsync();
        var run = Run("job", T);
        var inserted = await store.InsertAsync(run, Ct);
        await store.ReplaceAsync(run with { ETag = inserted.ETag, CancelRequested = true }, Ct);

        var written = await store.RecordAttemptAsync(run with { ETag = inserted.ETag, AttemptCount = 1 }, Attempt(run, 1), Ct);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Empty(await store.ListAttemptsAsync("job", run.RunId, Ct));
        Assert.Equal(0, (await store.GetAsync("job", run.RunId, Ct))!.AttemptCount);
    }

    [Fact]
    public async Task RecordAttemptAsync_SameNumberTwice_SecondIsConflictAndWritesNothing()
    {
        var store = await NewAsync();
        var run = Run("job", T);
        run = run with { ETag = (await store.InsertAsync(run, Ct)).ETag };

        var first = await store.RecordAttemptAsync(run with { AttemptCount = 1 }, Attempt(run, 1), Ct);
        var second = await store.RecordAttemptAsync(run with { AttemptCount = 5, ETag = first.ETag }, Attempt(run, 1), Ct);

        Assert.True(first.Done);
        Assert.Equal(WriteOutcome.Conflict, second.Outcome);
        Assert.Single(await store.ListAttemptsAsync("job", run.RunId, Ct));
        Assert.Equal((1, first.ETag), ((await store.GetAsync("job", run.RunId, Ct))!.AttemptCount, (await store.GetAsync("job", run.RunId, Ct))!.ETag));
    }

    [Fact]
    public async Task RecordAttemptAsync_MissingRun_IsNotFoundAndWritesNoAttempt()
    {
        var store = await NewAsync();
        var run = Run("job", T);

        var written = await store.RecordAttemptAsync(run with { AttemptCount = 1 }, Attempt(run, 1), Ct);

        Assert.Equal(WriteOutcome.NotFound, written.Outcome);
        Assert.Empty(await store.ListAttemptsAsync("job", run.RunId, Ct));
    }

    [Fact]
    public async Task RecordAttemptAsync_AttemptOfAnotherRun_Throws()
    {
        var store = await NewAsync();
        var run = Run("job", T);
        await store.InsertAsync(run, Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.RecordAttemptAsync(run, Attempt(Run("job", T.AddDays(1)), 1), Ct));
    }

    [Fact]
    public async Task IsCancelRequestedAndGetSummary_FollowTheStoredRun_FalseAndNullWhenMissing()
    {
        var store = await NewAsync();
        var run = Run("job", T);
        var inserted = await store.InsertAsync(run, Ct);
        var before = await store.IsCancelRequestedAsync("job", run.RunId, Ct);
        var running = run with { ETag = inserted.ETag, Status = RunStatus.Running, StartedUtc = T.AddMilliseconds(3), CancelRequested = true };

        await store.ReplaceAsync(running, Ct);

        Assert.False(before);
        Assert.True(await store.IsCancelRequestedAsync("job", run.RunId, Ct));
        Assert.Equal(RunSummary.Of(running), await store.GetSummaryAsync("job", run.RunId, Ct));
        Assert.False(await store.IsCancelRequestedAsync("job", "job:0000000000000000009", Ct));
        Assert.Null(await store.GetSummaryAsync("job", "job:0000000000000000009", Ct));
        Assert.Null(await store.GetAsync("job", "job:0000000000000000009", Ct));
    }
}
