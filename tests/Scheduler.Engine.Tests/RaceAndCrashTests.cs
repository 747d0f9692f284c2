using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Services;
using Scheduler.Core.Workflow;
using Scheduler.InProcess;
using Scheduler.Engine.Tests.Support;
using Scheduler.Storage.Queues;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests;

/// <summary>Several sweeps at once are harmless; a worker that dies mid-run loses nothing.</summary>
[Collection("engine")]
public sealed class RaceAndCrashTests(EngineFixture fixture)
{
    [Fact]
    public async Task TwoSweepsRacingOnTheSameRows_DispatchEachOccurrenceExactlyOnce()
    {
        var storage = fixture.Azurite.NewOptions();
        // Two instances over the same tables and queue, neither with a loop of its own: the test is the timer. They dispatch
        // the whole lookahead ahead (as the Functions host does), so the sweeps race at once, without waiting for the due time.
        var ahead = new Dictionary<string, string?> { ["Scheduler:Sweep:DispatchAhead"] = "00:00:02" };
        await using var first = await new SchedulerApp(storage, ahead, background: false).StartedAsync();
        await using var second = await new SchedulerApp(storage, ahead, background: false).StartedAsync();
        var due = DateTimeOffset.UtcNow.AddSeconds(1);
        var ids = Enumerable.Range(0, 12).Select(i => $"race-{i:D2}").ToList();
        foreach (var id in ids)
        {
            await first.Get<JobService>().CreateAsync(Jobs.Webhook(id, fixture.Sink.Url($"ok/{id}"), due), CancellationToken.None);
        }

        // Rounds of three racing sweeps. A round may leave rows throttled (the racers hold slots for a moment while they
        // lose the run insert), and the next round takes them; what must never happen is a second dispatch.
        var dispatched = 0;
        for (var round = 0; round < 10 && dispatched < ids.Count; round++)
        {
            var reports = await Task.WhenAll(
                first.Get<Sweeper>().SweepAsync(CancellationToken.None),
                second.Get<Sweeper>().SweepAsync(CancellationToken.None),
                first.Get<Sweeper>().SweepAsync(CancellationToken.None));
            dispatched += reports.Sum(r => r.Count(RowOutcome.Dispatched));
        }

        Assert.Equal(ids.Count, dispatched);
        // Each message shows at its run's due time.
        var received = new List<ReceivedRun>();
        await Eventually.GetAsync(
            async () =>
            {
                received.AddRange(await first.Get<RunQueueReceiver>().ReceiveAsync(32, TimeSpan.FromMinutes(1), CancellationToken.None));
                return received.Count;
            },
            count => count >= ids.Count,
            TimeSpan.FromSeconds(15),
            TimeSpan.FromMilliseconds(100));
        Assert.Equal(ids.Order(), received.Select(m => m.Message.JobId).Order());
        foreach (var id in ids)
        {
            var page = await first.Get<IRunStore>().ListByJobAsync(id, 10, null, CancellationToken.None);
            Assert.Equal(RunIds.For(id, due), Assert.Single(page.Items).RunId);
        }
    }

    [Fact]
    public async Task WorkerKilledMidRun_NewWorkerFinishesIt_WithoutLosingOrAddingAttempts()
    {
        var storage = fixture.Azurite.NewOptions();
        var quick = new Dictionary<string, string?>
        {
            ["Scheduler:Runs:InFlightGrace"] = "00:00:01",
            ["Scheduler:Worker:VisibilityTimeout"] = "00:00:05",
            ["Scheduler:Worker:RenewInterval"] = "00:00:02",
        };
        var path = "hold/crash";
        TimeSpan timeout = TimeSpan.FromSeconds(2);
        await using (var doomed = await new SchedulerApp(storage, quick, background: false).StartedAsync())
        {
            await doomed.Get<JobService>().CreateAsync(Jobs.Webhook("crash", fixture.Sink.Url(path), DateTimeOffset.UtcNow, timeout: timeout), CancellationToken.None);
            await doomed.Get<Sweeper>().SweepAsync(CancellationToken.None);
            var message = Assert.Single(await doomed.Get<RunQueueReceiver>().ReceiveAsync(1, TimeSpan.FromSeconds(2), CancellationToken.None));

            // The worker gets as far as calling the target, then dies: its message is neither deleted nor handed back.
            using var death = new CancellationTokenSource();
            var processing = doomed.Get<InProcessWorkflow>().RunQueuedAsync(message.Message, death.Token);
            await WaitForAsync(() => fixture.Sink.For(path).Count == 1, TimeSpan.FromSeconds(10));
            await death.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processing);
            var abandoned = await doomed.Get<IRunStore>().GetAsync("crash", message.Message.RunId, CancellationToken.None);
            Assert.Equal(RunStatus.Running, abandoned!.Status);
            Assert.Equal(1, abandoned.InFlightAttempt);
        }

        fixture.Sink.Release();
        await using var survivor = await new SchedulerApp(storage, quick).StartedAsync();
        var run = await Jobs.FinishedRunAsync(survivor.Get<IRunStore>(), "crash", TimeSpan.FromSeconds(30));
        var attempts = await survivor.Get<IRunStore>().ListAttemptsAsync("crash", run.RunId, CancellationToken.None);

        Assert.Equal(RunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.AttemptCount);
        Assert.Equal(1, Assert.Single(attempts).Number);
        // At least once: the interrupted attempt ran again with the same attempt number and idempotency key; no attempt 2.
        var hits = fixture.Sink.For(path);
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Equal(("1", run.RunId), (h.Attempt, h.IdempotencyKey)));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (!condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not hold in time.");
            }

            await Task.Delay(50);
        }
    }
}
