using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using static Scheduler.PortContracts.ContractRows;

namespace Scheduler.PortContracts;

/// <summary>The listings of <see cref="IRunStore"/>: runs only (never their attempts), newest first, paged without repeat or gap.</summary>
public abstract partial class RunStoreContract
{
    [Fact]
    public async Task ListByJobAsync_Pages_NewestFirstWithoutRepeatOrGapOrAttempts()
    {
        var store = await NewAsync();
        var runs = Enumerable.Range(0, 5).Select(i => Run("job", T.AddMinutes(i))).ToList();
        foreach (var run in runs)
        {
            var written = await store.InsertAsync(run, Ct);
            await store.RecordAttemptAsync(run with { ETag = written.ETag, AttemptCount = 1 }, Attempt(run, 1), Ct);
        }

        await store.InsertAsync(Run("job-b", T.AddMinutes(9)), Ct);

        var first = await store.ListByJobAsync("job", 2, null, Ct);
        var second = await store.ListByJobAsync("job", 2, first.Continuation, Ct);
        var last = await store.ListByJobAsync("job", 2, second.Continuation, Ct);

        Assert.Equal([runs[4].RunId, runs[3].RunId], first.Items.Select(r => r.RunId));
        Assert.Equal([runs[2].RunId, runs[1].RunId], second.Items.Select(r => r.RunId));
        Assert.Equal([runs[0].RunId], last.Items.Select(r => r.RunId));
        Assert.Null(last.Continuation);
        Assert.Equal(1, last.Items[0].AttemptCount);
        Assert.Empty((await store.ListByJobAsync("nobody", 2, null, Ct)).Items);
    }

    [Fact]
    public async Task ListAsync_Window_NewestFirstAcrossJobsOfTheStatusAsked()
    {
        var store = await NewAsync();
        await store.InsertAsync(Run("a", T, created: T.AddMinutes(-1)), Ct);
        await store.InsertAsync(Run("b", T, created: T) with { Status = RunStatus.Failed }, Ct);
        await store.InsertAsync(Run("a", T.AddMinutes(1), created: T), Ct);
        await store.InsertAsync(Run("c", T, created: T.AddMinutes(1)), Ct);
        await store.InsertAsync(Run("d", T, created: T.AddMinutes(-2)), Ct);

        var window = await store.ListAsync(new RunQuery { SinceUtc = T.AddMinutes(-1), UntilUtc = T.AddMinutes(1) }, Ct);
        var failed = await store.ListAsync(new RunQuery { SinceUtc = T.AddMinutes(-5), UntilUtc = T.AddMinutes(5), Status = RunStatus.Failed }, Ct);

        Assert.Equal([("a", T.AddMinutes(1)), ("b", T), ("a", T)], window.Items.Select(r => (r.JobId, r.DueUtc)));
        Assert.Null(window.Continuation);
        Assert.Equal(["b"], failed.Items.Select(r => r.JobId));
    }

    [Fact]
    public async Task ListAsync_RunsCreatedInTheSameInstant_PageOneByOne_EachOnce()
    {
        // One sweep dispatches many runs, all created at its instant.
        var store = await NewAsync();
        foreach (var job in new[] { "a", "b", "c" })
        {
            await store.InsertAsync(Run(job, T, created: T) with { Status = RunStatus.Failed }, Ct);
        }

        var query = new RunQuery { SinceUtc = T.AddMinutes(-1), UntilUtc = T.AddMinutes(1), Status = RunStatus.Failed, Limit = 1 };
        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(query with { Continuation = continuation }, Ct);
            seen.AddRange(page.Items.Select(r => r.JobId));
            continuation = page.Continuation;
        }
        while (continuation is not null && seen.Count < 10);

        Assert.Equal(["a", "b", "c"], seen.Order());
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public async Task ListAsync_RunCreatedBetweenPages_NextPageNeitherRepeatsNorSkips()
    {
        var store = await NewAsync();
        for (var i = 0; i < 4; i++)
        {
            await store.InsertAsync(Run($"j{i}", T, created: T.AddSeconds(i)), Ct);
        }

        var query = new RunQuery { SinceUtc = T.AddMinutes(-1), UntilUtc = T.AddMinutes(1), Limit = 2 };
        var first = await store.ListAsync(query, Ct);
        await store.InsertAsync(Run("newer", T, created: T.AddSeconds(30)), Ct);
        var second = await store.ListAsync(query with { Continuation = first.Continuation }, Ct);

        Assert.Equal(["j3", "j2"], first.Items.Select(r => r.JobId));
        Assert.Equal(["j1", "j0"], second.Items.Select(r => r.JobId));
    }

    [Fact]
    public async Task ListCreatedSinceAsync_AcrossJobs_RunsCreatedAtOrAfterOnly()
    {
        var store = await NewAsync();
        var old = Run("a", T, created: T.AddSeconds(-1));
        var atSince = Run("b", T, created: T);
        var later = Run("a", T.AddMinutes(1), created: T.AddMinutes(1));
        foreach (var run in new[] { old, atSince, later })
        {
            var written = await store.InsertAsync(run, Ct);
            await store.RecordAttemptAsync(run with { ETag = written.ETag, AttemptCount = 1 }, Attempt(run, 1), Ct);
        }

        var since = await store.ListCreatedSinceAsync(T, Ct);

        Assert.Equal(new[] { atSince.RunId, later.RunId }.Order(StringComparer.Ordinal), since.Select(r => r.RunId).Order(StringComparer.Ordinal));
    }
}
