using Scheduler.Core.Config;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests;

/// <summary>The concurrency budget is never exceeded, and nothing waits forever for it.</summary>
[Collection("engine")]
public sealed class BudgetTests(EngineFixture fixture)
{
    [Fact]
    public async Task Budget3_With20JobsDueAtOnce_NeverMoreThan3Concurrent_AndAllComplete()
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>()).StartedAsync();
        await host.Get<IConfigStore>().PutAsync(new SchedulerConfig { DefaultLaneConcurrency = 3 }, CancellationToken.None);
        var due = DateTimeOffset.UtcNow.AddSeconds(2);
        var ids = Enumerable.Range(0, 20).Select(i => $"budget-{i:D2}").ToList();
        var peakBefore = fixture.Sink.PeakConcurrency;
        Assert.True(peakBefore <= 3, "another test already pushed the shared sink past 3; this test needs it alone");

        foreach (var id in ids)
        {
            var created = await host.Get<JobService>().CreateAsync(Jobs.Webhook(id, fixture.Sink.Url($"slow/700/{id}"), due), CancellationToken.None);
            Assert.Equal(ServiceStatus.Created, created.Status);
        }

        var runs = new List<Run>();
        foreach (var id in ids)
        {
            runs.Add(await Jobs.FinishedRunAsync(host.Get<IRunStore>(), id, TimeSpan.FromSeconds(60)));
        }

        Assert.All(runs, r => Assert.Equal(RunStatus.Succeeded, r.Status));
        Assert.All(runs, r => Assert.Equal(1, r.AttemptCount));
        Assert.Equal(20, ids.Sum(id => fixture.Sink.For($"slow/700/{id}").Count));
        Assert.InRange(fixture.Sink.PeakConcurrency, 1, 3);
    }
}
