using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Stats;

namespace Scheduler.PortContracts;

/// <summary>The contract of <see cref="IRunCounterStore"/>: adds to one minute sum up, concurrent adds lose nothing, a read of
/// [from, to) returns the minutes that hold an instant of it, oldest first, across midnight.</summary>
public abstract class RunCounterStoreContract : PortContract<IRunCounterStore>
{
    private static readonly DateTimeOffset Minute = new(2030, 3, 9, 23, 58, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddAsync_SameMinute_SumsEveryStatusAndLatenessBucket()
    {
        var store = await NewAsync();

        await store.AddAsync(Delta(Minute.AddSeconds(1), RunStatus.Failed, latenessMs: 1_200), Ct);
        await store.AddAsync(Delta(Minute.AddSeconds(30), RunStatus.Canceled, latenessMs: null), Ct);
        await store.AddAsync(Delta(Minute.AddSeconds(59), RunStatus.Failed, latenessMs: -3), Ct);
        var read = Assert.Single(await store.ReadAsync(Minute, Minute.AddMinutes(1), Ct));

        Assert.Equal(Minute, read.Minute);
        Assert.Equal((2L, 1L, 0L), (read.FinishedWith(RunStatus.Failed), read.FinishedWith(RunStatus.Canceled), read.FinishedWith(RunStatus.Succeeded)));
        Assert.Equal((1L, 1L, 2L), (read.Lateness[LatenessBuckets.IndexOf(1_200)], read.Early, read.Started));
    }

    [Fact]
    public async Task AddAsync_ManyAtOnce_LoseNoIncrement()
    {
        var store = await NewAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AddAsync(Delta(Minute.AddSeconds(i), RunStatus.Succeeded, latenessMs: 40), Ct)));

        Assert.Equal(20, Assert.Single(await store.ReadAsync(Minute, Minute.AddMinutes(1), Ct)).FinishedWith(RunStatus.Succeeded));
    }

    [Fact]
    public async Task ReadAsync_WindowAcrossMidnight_ItsMinutesOldestFirst()
    {
        var store = await NewAsync();
        foreach (var minute in new[] { 5, -3, 1, -2, 0, 3, 2 }.Select(m => Minute.AddMinutes(m)))
        {
            await store.AddAsync(Delta(minute, RunStatus.Succeeded, latenessMs: 5), Ct);
        }

        var read = await store.ReadAsync(Minute.AddMinutes(-2).AddSeconds(30), Minute.AddMinutes(4).AddSeconds(30), Ct);

        Assert.Equal(new[] { -2, 0, 1, 2, 3 }.Select(m => Minute.AddMinutes(m)), read.Select(r => r.Minute));
        Assert.Empty(await store.ReadAsync(Minute.AddMinutes(3), Minute.AddMinutes(3), Ct));
    }

    [Fact]
    public async Task DeleteBeforeAsync_MinutesEndedByTheCutOff_OldestFirstAcrossMidnightUpToTheLimit()
    {
        var store = await NewAsync();
        foreach (var minute in new[] { -3, -2, 0, 1, 2 }.Select(m => Minute.AddMinutes(m)))
        {
            await store.AddAsync(Delta(minute, RunStatus.Succeeded, latenessMs: 5), Ct);
        }

        var before = Minute.AddMinutes(1).AddSeconds(30);
        var first = await store.DeleteBeforeAsync(before, 2, Ct);
        var left = await store.ReadAsync(Minute.AddHours(-1), Minute.AddHours(1), Ct);
        var rest = await store.DeleteBeforeAsync(before, 10, Ct);

        Assert.Equal((2, 1), (first, rest));
        Assert.Equal([Minute, Minute.AddMinutes(1), Minute.AddMinutes(2)], left.Select(r => r.Minute));
        Assert.Equal([Minute.AddMinutes(1), Minute.AddMinutes(2)], (await store.ReadAsync(Minute.AddHours(-1), Minute.AddHours(1), Ct)).Select(r => r.Minute));
        Assert.Equal(0, await store.DeleteBeforeAsync(before, 10, Ct));
    }

    private static RunCounts Delta(DateTimeOffset at, RunStatus status, double? latenessMs)
    {
        var lateness = new long[LatenessBuckets.Count];
        if (latenessMs is { } ms)
        {
            lateness[LatenessBuckets.IndexOf(ms)] = 1;
        }

        return new RunCounts { Minute = at, Finished = new Dictionary<RunStatus, long> { [status] = 1 }, Lateness = lateness };
    }
}
