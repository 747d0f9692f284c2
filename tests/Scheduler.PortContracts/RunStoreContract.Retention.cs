using Scheduler.Core.Runs;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>What retention asks of <see cref="Core.Ports.IRunStore"/>: ended runs past a cut-off across jobs, paged; a job's run
/// keys newest first; deleting runs with their attempts, runs already gone skipped.</summary>
public abstract partial class RunStoreContract
{
    [Fact]
    public async Task ListEndedBeforeAsync_Pages_EndedRunsFinishedBeforeTheCutOffOnly()
    {
        var store = await NewAsync();
        var old = new[] { Ended(Run("a", T), T.AddHours(-2)), Ended(Run("a", T.AddMinutes(1)), T.AddHours(-1)), Ended(Run("b", T), T.AddSeconds(-1)) };
        var young = Ended(Run("b", T.AddMinutes(1)), T.AddSeconds(1));
        var running = Run("c", T) with { Status = RunStatus.Running, StartedUtc = T.AddHours(-3) };
        foreach (var run in old.Append(young).Append(running))
        {
            await store.InsertAsync(run, Ct);
        }

        var found = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await store.ListEndedBeforeAsync(T, 2, continuation, Ct);
            Assert.True(page.Items.Count <= 2);
            found.AddRange(page.Items.Select(k => k.RunId));
            continuation = page.Continuation;
        }
        while (continuation is not null && ++pages < 10);

        Assert.Equal(old.Select(r => r.RunId).Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DeleteAsync_SomeRuns_RemovesThemWithTheirAttemptsAndSkipsThoseGone()
    {
        var store = await NewAsync();
        var runs = Enumerable.Range(0, 3).Select(i => Run("job", T.AddMinutes(i))).ToList();
        foreach (var run in runs)
        {
            var written = await store.InsertAsync(run, Ct);
            var first = await store.RecordAttemptAsync(run with { ETag = written.ETag, AttemptCount = 1 }, Attempt(run, 1), Ct);
            await store.RecordAttemptAsync(Ended(run, T) with { ETag = first.ETag, AttemptCount = 2 }, Attempt(run, 2), Ct);
        }

        var deleted = await store.DeleteAsync("job", [runs[0].RunId, runs[2].RunId, RunIds.For("job", T.AddDays(1))], Ct);
        var again = await store.DeleteAsync("job", [runs[0].RunId], Ct);

        Assert.Equal((2, 0), (deleted, again));
        Assert.Equal([runs[1].RunId], (await store.ListByJobAsync("job", 10, null, Ct)).Items.Select(r => r.RunId));
        Assert.Empty(await store.ListAttemptsAsync("job", runs[0].RunId, Ct));
        Assert.Empty(await store.ListAttemptsAsync("job", runs[2].RunId, Ct));
        Assert.Equal([1, 2], (await store.ListAttemptsAsync("job", runs[1].RunId, Ct)).Select(a => a.Number));
    }

    [Fact]
    public async Task ListKeysByJobAsync_EveryRunOfTheJob_NewestFirstWithStatusAndFinish()
    {
        var store = await NewAsync();
        var ended = Ended(Run("job", T), T.AddMinutes(1));
        var queued = Run("job", T.AddMinutes(5));
        foreach (var run in new[] { ended, queued, Run("other", T) })
        {
            var written = await store.InsertAsync(run, Ct);
            await store.RecordAttemptAsync(run with { ETag = written.ETag, AttemptCount = 1 }, Attempt(run, 1), Ct);
        }

        var keys = await store.ListKeysByJobAsync("job", Ct);

        Assert.Equal(
            [new("job", queued.RunId, RunStatus.Queued, null), new("job", ended.RunId, RunStatus.Succeeded, T.AddMinutes(1))],
            keys);
    }

    private static Run Ended(Run run, DateTimeOffset finished) =>
        run with { Status = RunStatus.Succeeded, StartedUtc = finished.AddSeconds(-1), FinishedUtc = finished };
}
