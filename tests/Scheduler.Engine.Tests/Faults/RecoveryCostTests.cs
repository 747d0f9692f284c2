using Scheduler.Core.Ports;
using Scheduler.Engine.Tests.Support;
using Scheduler.Storage;
using Scheduler.Testing;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>What the short leases cost: one queue update per <c>RenewInterval</c> (3 s) that a run holds its message, one slot
/// update per <c>Runs:SlotRenewInterval</c> (3 s) that a run in process holds its slot: nothing for a run that ends sooner, and
/// about one per 3 s for a longer one.</summary>
[Collection("engine")]
public sealed class RecoveryCostTests(EngineFixture fixture, ITestOutputHelper output)
{
    /// <summary>The lease belongs to runs that go through the runs queue; runs the Server launches in process hold no message.</summary>
    private static readonly Dictionary<string, string?> QueuePath = new() { ["Scheduler:Worker:InProcessRuns"] = "0" };

    [Fact]
    public async Task MessageLease_QuickRunsRenewNothing_LongRunsRenewOncePerRenewInterval()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var counter = new StorageRequestCounter();
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), QueuePath, services: s => s.AddSingleton(counter)).StartedAsync();
        var jobs = host.Get<Scheduler.Core.Services.JobService>();
        var runs = host.Get<IRunStore>();

        long QueueUpdates() => counter.Snapshot().GetValueOrDefault("queue PUT");
        var quick = await MeasureAsync(sink, jobs, runs, QueueUpdates, "lease-quick", 10, "ok", TimeSpan.Zero);
        var slow = await MeasureAsync(sink, jobs, runs, QueueUpdates, "lease-slow", 3, "slow/8000", TimeSpan.FromSeconds(8));

        output.WriteLine($"queue updates per run: quick (< 0.1 s) {quick:0.00}, held 8 s {slow:0.00}");
        Assert.Equal(0, quick);
        Assert.InRange(slow, 1, 3);
    }

    /// <summary>Runs the Server launches in process hold no message: their slot's lease is theirs, renewed every
    /// <c>Runs:SlotRenewInterval</c> (3 s). A quick run writes its slot twice (take, release); a run held 8 s about twice more.</summary>
    [Fact]
    public async Task SlotLease_QuickRunsInProcessRenewNothing_LongRunsRenewOncePerRenewInterval()
    {
        // A sink of its own: the shared one's peak concurrency belongs to the budget tests.
        await using var sink = new ScriptedSink();
        await sink.StartAsync();
        var counter = new StorageRequestCounter();
        var storage = fixture.Azurite.NewOptions();
        await using var host = await new SchedulerApp(storage, new Dictionary<string, string?>(), services: s => s.AddSingleton(counter)).StartedAsync();
        var jobs = host.Get<Scheduler.Core.Services.JobService>();
        var runs = host.Get<IRunStore>();
        var slots = storage.TablePrefix + "slots";
        long SlotWrites() => counter.TableSnapshot().Where(c => c.Key.EndsWith(" " + slots, StringComparison.Ordinal) && !c.Key.StartsWith("GET", StringComparison.Ordinal)).Sum(c => c.Value);

        // Due 1 s apart, so that each run's slot writes go alone: writes of one lane asked for together share one request
        // (group commit), which would hide the renewals being counted here.
        var quick = await MeasureAsync(sink, jobs, runs, SlotWrites, "slot-quick", 4, "ok", TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var slow = await MeasureAsync(sink, jobs, runs, SlotWrites, "slot-slow", 3, "slow/8000", TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(1));

        output.WriteLine($"slot writes per run in process: quick (< 0.1 s) {quick:0.00}, held 8 s {slow:0.00}");
        Assert.Equal(2, quick);
        Assert.InRange(slow, 3, 5);
    }

    /// <summary>Requests counted by <paramref name="requests"/> per run for <paramref name="count"/> runs of one sink path.</summary>
    private static async Task<double> MeasureAsync(ScriptedSink sink, Scheduler.Core.Services.JobService jobs, IRunStore runs, Func<long> requests, string prefix, int count, string path, TimeSpan duration, TimeSpan apart = default)
    {
        // Far enough ahead that every job exists before the sweep dispatches the first (the count starts after the creations).
        var due = DateTimeOffset.UtcNow.AddSeconds(6);
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        for (var i = 0; i < count; i++)
        {
            await jobs.CreateAsync(Jobs.Webhook(ids[i], sink.Url($"{path}/{ids[i]}"), due + (apart * i), timeout: TimeSpan.FromSeconds(30)), CancellationToken.None);
        }

        var before = requests();
        foreach (var id in ids)
        {
            var run = await Jobs.FinishedRunAsync(runs, id, TimeSpan.FromSeconds(60) + duration);
            Assert.Equal(Scheduler.Core.Runs.RunStatus.Succeeded, run.Status);
        }

        return (requests() - before) / (double)count;
    }
}
