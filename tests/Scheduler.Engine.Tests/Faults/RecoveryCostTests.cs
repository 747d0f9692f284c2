using Scheduler.Core.Ports;
using Scheduler.Engine.Tests.Support;
using Scheduler.Storage;
using Scheduler.Testing;
using Xunit.Abstractions;
using Microsoft.Extensions.DependencyInjection;

namespace Scheduler.Engine.Tests.Faults;

/// <summary>What the short message lease costs: one queue update per <c>RenewInterval</c> (3 s) that a run holds its
/// message, so nothing for a run that ends sooner, and about one per 3 s for a longer one.</summary>
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
        await using var host = await new EngineHost(fixture.Azurite.NewOptions(), QueuePath, services: s => s.AddSingleton(counter)).StartedAsync();
        var jobs = host.Get<Scheduler.Core.Services.JobService>();
        var runs = host.Get<IRunStore>();

        var quick = await MeasureAsync(sink, counter, jobs, runs, "lease-quick", 10, "ok", TimeSpan.Zero);
        var slow = await MeasureAsync(sink, counter, jobs, runs, "lease-slow", 3, "slow/8000", TimeSpan.FromSeconds(8));

        output.WriteLine($"queue updates per run: quick (< 0.1 s) {quick:0.00}, held 8 s {slow:0.00}");
        Assert.Equal(0, quick);
        Assert.InRange(slow, 1, 3);
    }

    /// <summary>Queue updates (visibility renewals) per run for <paramref name="count"/> runs of one sink path.</summary>
    private static async Task<double> MeasureAsync(ScriptedSink sink, StorageRequestCounter counter, Scheduler.Core.Services.JobService jobs, IRunStore runs, string prefix, int count, string path, TimeSpan duration)
    {
        var due = DateTimeOffset.UtcNow.AddSeconds(3);
        var ids = Enumerable.Range(0, count).Select(i => $"{prefix}-{i}").ToList();
        foreach (var id in ids)
        {
            await jobs.CreateAsync(Jobs.Webhook(id, sink.Url($"{path}/{id}"), due, timeout: TimeSpan.FromSeconds(30)), CancellationToken.None);
        }

        var before = counter.Snapshot().GetValueOrDefault("queue PUT");
        foreach (var id in ids)
        {
            var run = await Jobs.FinishedRunAsync(runs, id, TimeSpan.FromSeconds(60) + duration);
            Assert.Equal(Scheduler.Core.Runs.RunStatus.Succeeded, run.Status);
        }

        return (counter.Snapshot().GetValueOrDefault("queue PUT") - before) / (double)count;
    }
}
