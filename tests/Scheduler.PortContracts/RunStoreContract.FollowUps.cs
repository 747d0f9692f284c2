using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The run store's <see cref="IFollowUpStore"/>: a run's follow-ups are written with its settle in one write that an old
/// ETag refuses whole, listed while pending, kept as a record when given up, and closed with the run's pending flag cleared by the last.</summary>
public abstract partial class RunStoreContract
{
    [Fact]
    public async Task SettleAsync_CurrentETag_WritesRunAttemptAndFollowUpsTogether()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);

        var written = await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1), FollowUp(run, 3)], Ct);

        Assert.True(written.Done);
        var stored = (await store.GetAsync("job", run.RunId, Ct))!;
        Assert.Equal((RunStatus.Failed, true, written.ETag), (stored.Status, stored.FollowUpsPending, stored.ETag));
        Assert.Single(await store.ListAttemptsAsync("job", run.RunId, Ct));
        var pending = await FollowUps(store).ListPendingAsync("job", run.RunId, Ct);
        Assert.Equal([FollowUp(run, 1), FollowUp(run, 3)], pending.Select(f => f with { ETag = null }));
        Assert.All(pending, f => Assert.NotNull(f.ETag));
    }

    [Fact]
    public async Task SettleAsync_OldETag_WritesNeitherRunNorAttemptNorFollowUps()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);
        await store.ReplaceAsync(run with { CancelRequested = true }, Ct);

        var written = await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1)], Ct);

        Assert.Equal(WriteOutcome.Stale, written.Outcome);
        Assert.Empty(await store.ListAttemptsAsync("job", run.RunId, Ct));
        Assert.Empty(await FollowUps(store).ListPendingAsync("job", run.RunId, Ct));
        Assert.False((await store.GetAsync("job", run.RunId, Ct))!.FollowUpsPending);
    }

    [Fact]
    public async Task SettleAsync_WithoutAttempt_WritesRunAndFollowUps_ListingsShowRunsOnly()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);

        var written = await FollowUps(store).SettleAsync(Ended(run) with { Status = RunStatus.Canceled }, null, [FollowUp(run, 1)], Ct);

        Assert.True(written.Done);
        Assert.Empty(await store.ListAttemptsAsync("job", run.RunId, Ct));
        Assert.Single(await FollowUps(store).ListPendingAsync("job", run.RunId, Ct));
        Assert.Equal([run.RunId], (await store.ListByJobAsync("job", 10, null, Ct)).Items.Select(r => r.RunId));
    }

    [Fact]
    public async Task CloseAsync_DoneThenLast_DeletesEachRowAndClearsTheFlagWithTheLast()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);
        await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1), FollowUp(run, 2)], Ct);
        var pending = await FollowUps(store).ListPendingAsync("job", run.RunId, Ct);

        await FollowUps(store).CloseAsync("job", run.RunId, pending[0], last: false, Ct);
        var between = await store.GetAsync("job", run.RunId, Ct);
        var last = await FollowUps(store).CloseAsync("job", run.RunId, pending[1], last: true, Ct);

        Assert.True(between!.FollowUpsPending);
        Assert.True(last.Done);
        Assert.Empty(await FollowUps(store).ListPendingAsync("job", run.RunId, Ct));
        var stored = (await store.GetAsync("job", run.RunId, Ct))!;
        Assert.Equal((false, last.ETag, RunStatus.Failed), (stored.FollowUpsPending, stored.ETag, stored.Status));
    }

    [Fact]
    public async Task CloseAsync_ClosedAlreadyByAnother_LastStillClearsTheFlag()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);
        await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1)], Ct);
        var followUp = (await FollowUps(store).ListPendingAsync("job", run.RunId, Ct))[0];
        await FollowUps(store).CloseAsync("job", run.RunId, followUp, last: false, Ct);

        var again = await FollowUps(store).CloseAsync("job", run.RunId, followUp, last: true, Ct);

        Assert.True(again.Done);
        Assert.False((await store.GetAsync("job", run.RunId, Ct))!.FollowUpsPending);
    }

    [Fact]
    public async Task RecordTryAsync_ThenGiveUp_PendingShowsTheTryThenNothing()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);
        await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1)], Ct);
        var followUp = (await FollowUps(store).ListPendingAsync("job", run.RunId, Ct))[0];
        var tried = followUp with { Tries = 1, LastTriedUtc = T.AddSeconds(1), LastError = "HTTP 503" };

        var recorded = await FollowUps(store).RecordTryAsync(tried, Ct);
        var stale = await FollowUps(store).RecordTryAsync(tried with { Tries = 9 }, Ct);
        var seen = (await FollowUps(store).ListPendingAsync("job", run.RunId, Ct))[0];
        await FollowUps(store).CloseAsync("job", run.RunId, seen with { Tries = 2, GaveUpUtc = T.AddSeconds(2) }, last: true, Ct);

        Assert.True(recorded.Done);
        Assert.Equal(WriteOutcome.Stale, stale.Outcome);
        Assert.Equal(tried with { ETag = recorded.ETag }, seen);
        Assert.Empty(await FollowUps(store).ListPendingAsync("job", run.RunId, Ct));
        Assert.False((await store.GetAsync("job", run.RunId, Ct))!.FollowUpsPending);
    }

    [Fact]
    public async Task DeleteAsync_RunWithFollowUps_DeletesThemWithIt()
    {
        var store = await NewAsync();
        var run = await InsertedAsync(store);
        await FollowUps(store).SettleAsync(Ended(run), Attempt(run, 1), [FollowUp(run, 1)], Ct);

        var deleted = await store.DeleteAsync("job", [run.RunId], Ct);

        Assert.Equal(1, deleted);
        Assert.Empty(await FollowUps(store).ListPendingAsync("job", run.RunId, Ct));
    }

    private static IFollowUpStore FollowUps(IRunStore store) => (IFollowUpStore)store;

    private async Task<Run> InsertedAsync(IRunStore store)
    {
        var run = Run("job", T);
        return run with { ETag = (await store.InsertAsync(run, Ct)).ETag };
    }

    private static Run Ended(Run run) => run with { Status = RunStatus.Failed, AttemptCount = 1, FinishedUtc = T.AddSeconds(1), FollowUpsPending = true };

    private static FollowUp FollowUp(Run run, int number) => new()
    {
        JobId = run.JobId, RunId = run.RunId, Number = number, Kind = FollowUpKinds.Notify, Target = $"https://example.test/notify/{number}",
    };
}
