using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Engine.Tests.Support;
using Scheduler.Server.Worker;
using Scheduler.Storage;

namespace Scheduler.Engine.Tests;

/// <summary>The idle queue worker polls less and less often, yet runs that go through the queue start on time: this Server's own
/// messages wake its worker when they become visible, and another instance's are received within Worker:MaxIdlePollInterval.</summary>
[Collection("engine")]
public sealed class IdleWorkerTests(EngineFixture fixture)
{
    [Fact]
    public async Task IdleServer_Over10s_ReceivesFromTheRunsQueueOnlyAFewTimes()
    {
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>
        {
            // The defaults, against the suite's short poll; the poison monitor's own queue read kept out of the window.
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.250",
            ["Scheduler:Worker:MaxIdlePollInterval"] = "00:00:05",
            ["Scheduler:Worker:PoisonCheckInterval"] = "01:00:00",
        }, services: s => s.AddSingleton<StorageRequestCounter>()).StartedAsync();
        var counter = host.Get<StorageRequestCounter>();
        counter.Reset();

        // This test is about a window of time: what the idle worker costs in it.
        await Task.Delay(TimeSpan.FromSeconds(10));

        var receives = counter.Snapshot().GetValueOrDefault("queue GET");
        // Polled every 250 ms that would be 40; backing off 0.25, 0.5, 1, 2, 4, 5 s it is about 6.
        Assert.InRange(receives, 1, 7);
    }

    [Fact]
    public async Task RetryResumeSentByThisServer_IdlePollBackedOff_SecondAttemptStartsWithinASecondOfTheBackoffEnd_NotAfterTheIdleInterval()
    {
        var backoff = TimeSpan.FromSeconds(1.5);
        await using var host = await new SchedulerApp(fixture.Azurite.NewOptions(), new Dictionary<string, string?>
        {
            // Unwoken, the worker would receive the resume seconds late.
            ["Scheduler:Worker:MaxIdlePollInterval"] = "00:00:30",
        }).StartedAsync();
        await BackedOffAsync(Worker(host), TimeSpan.FromSeconds(5));

        var retry = new RetryPolicy { MaxAttempts = 2, FirstInterval = backoff, Coefficient = 1.0, Jitter = 0 };
        await host.Get<JobService>().CreateAsync(Jobs.Webhook("resume-wakes", fixture.Sink.Url("flaky/1/resume-wakes"), DateTimeOffset.UtcNow, retry), CancellationToken.None);
        var run = await Jobs.FinishedRunAsync(host.Get<IRunStore>(), "resume-wakes", TimeSpan.FromSeconds(30));
        var attempts = await host.Get<IRunStore>().ListAttemptsAsync("resume-wakes", run.RunId, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(2, attempts.Count);
        // The resume is visible at 1 s (whole seconds) and the run waits the rest in process, so what remains is the attempt's own
        // storage calls before it starts: 10-35 ms on a quiet machine, up to ~600 ms seen under a load of 13 on 2 cores.
        // Not woken, the worker would receive it at the end of its idle wait, more than 3 s late.
        var lateness = attempts[1].StartedUtc - (attempts[0].FinishedUtc + backoff);
        Assert.True(lateness >= TimeSpan.Zero && lateness < TimeSpan.FromSeconds(1), $"the second attempt started {lateness.TotalMilliseconds} ms after its backoff ended");
    }

    [Fact]
    public async Task RunQueuedByAnotherInstance_IdlePollBackedOff_IsReceivedWithinTheMaxIdlePollInterval()
    {
        var storage = fixture.Azurite.NewOptions();
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:Worker:MaxIdlePollInterval"] = "00:00:02",
            // The worker's Server must not dispatch the job itself (in process): its sweep waits an hour after the first.
            ["Scheduler:Sweep:Tick"] = "01:00:00",
            ["Scheduler:Sweep:Lookahead"] = "01:00:00",
        };
        await using var worker = await new SchedulerApp(storage, settings).StartedAsync();
        // Without its loops, and every run it dispatches goes through the queue.
        await using var other = await new SchedulerApp(storage, settings, background: false).StartedAsync();
        await BackedOffAsync(Worker(worker), TimeSpan.FromSeconds(1.5));

        await other.Get<JobService>().CreateAsync(Jobs.Webhook("from-another", fixture.Sink.Url("ok/from-another"), DateTimeOffset.UtcNow), CancellationToken.None);
        var sweep = await other.Get<Sweeper>().SweepAsync(CancellationToken.None);
        var queued = DateTimeOffset.UtcNow;
        var run = await Jobs.FinishedRunAsync(worker.Get<IRunStore>(), "from-another", TimeSpan.FromSeconds(30));

        Assert.Equal(RunStatus.Succeeded, run.Status);
        var hit = Assert.Single(fixture.Sink.For("ok/from-another"));
        var wait = hit.ReceivedUtc - queued;
        // At most one idle wait (2 s), plus the receive and the run's own storage calls.
        Assert.True(wait < TimeSpan.FromSeconds(3), $"the run queued by another instance ({sweep}) reached the sink {wait.TotalMilliseconds} ms later");
    }

    private static RunWorker Worker(SchedulerApp host) => host.Get<IEnumerable<IHostedService>>().OfType<RunWorker>().Single();

    /// <summary>Until the worker is in an idle wait that ends more than <paramref name="ahead"/> from now: a message nobody
    /// wakes it for would wait that long.</summary>
    private static Task<DateTimeOffset?> BackedOffAsync(RunWorker worker, TimeSpan ahead) => Eventually.GetAsync(
        () => Task.FromResult(worker.IdleUntilUtc),
        until => until - DateTimeOffset.UtcNow > ahead,
        TimeSpan.FromSeconds(30),
        TimeSpan.FromMilliseconds(20),
        "an idle wait of the worker backed off");
}
