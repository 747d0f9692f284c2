using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Engine.Tests.Support;

namespace Scheduler.Engine.Tests;

/// <summary>Submit -> sweep -> queue -> attempt -> the run's status written, through the real Server on Azurite, with a real HTTP sink.</summary>
[Collection("engine")]
public sealed class RunLifecycleTests(EngineFixture fixture)
{
    private static readonly Dictionary<string, string?> SlowTick = new()
    {
        // A tick far longer than the due delay: starting on time must not depend on it.
        ["Scheduler:Sweep:Tick"] = "00:00:30",
        ["Scheduler:Sweep:Lookahead"] = "00:00:32",
    };

    [Fact]
    public async Task JobDueIn3s_WithA30sTick_StartsWithin1sOfItsDueTime()
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), SlowTick).StartedAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(3);

        var created = await host.Get<JobService>().CreateAsync(Jobs.Webhook("due-in-3s", fixture.Sink.Url("ok/due-in-3s"), due), CancellationToken.None);
        var run = await Jobs.FinishedRunAsync(host.Get<IRunStore>(), "due-in-3s", TimeSpan.FromSeconds(20));

        Assert.Equal(ServiceStatus.Created, created.Status);
        Assert.Equal(RunStatus.Succeeded, run.Status);
        var hit = Assert.Single(fixture.Sink.For("ok/due-in-3s"));
        var lateness = hit.ReceivedUtc - due;
        Assert.True(lateness >= TimeSpan.FromMilliseconds(-50) && lateness < TimeSpan.FromSeconds(1), $"the sink was called {lateness.TotalMilliseconds} ms after the due time");
        Assert.InRange(run.LatenessMs!.Value, 0, 1000);
    }

    [Fact]
    public async Task SinkFailingTwiceThenSucceeding_MakesThreeAttempts_AndSucceeds()
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>()).StartedAsync();

        await host.Get<JobService>().CreateAsync(Jobs.Webhook("flaky", fixture.Sink.Url("flaky/2/flaky"), DateTimeOffset.UtcNow), CancellationToken.None);
        var run = await Jobs.FinishedRunAsync(host.Get<IRunStore>(), "flaky", TimeSpan.FromSeconds(30));
        var attempts = await host.Get<IRunStore>().ListAttemptsAsync("flaky", run.RunId, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(3, run.AttemptCount);
        Assert.Equal([AttemptStatus.Failed, AttemptStatus.Failed, AttemptStatus.Succeeded], attempts.Select(a => a.Result.Status));
        Assert.Equal([500, 500, 200], attempts.Select(a => a.Result.StatusCode ?? 0));
        var hits = fixture.Sink.For("flaky/2/flaky");
        Assert.Equal(["1", "2", "3"], hits.Select(h => h.Attempt));
        Assert.All(hits, h => Assert.Equal(run.RunId, h.IdempotencyKey));
    }

    [Fact]
    public async Task SinkAnswering400_FailsWithoutRetry()
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>()).StartedAsync();

        await host.Get<JobService>().CreateAsync(Jobs.Webhook("bad-request", fixture.Sink.Url("status/400/bad-request"), DateTimeOffset.UtcNow), CancellationToken.None);
        var run = await Jobs.FinishedRunAsync(host.Get<IRunStore>(), "bad-request", TimeSpan.FromSeconds(20));

        Assert.Equal(RunStatus.Failed, run.Status);
        Assert.Equal(1, run.AttemptCount);
        Assert.Single(fixture.Sink.For("status/400/bad-request"));
    }
}
