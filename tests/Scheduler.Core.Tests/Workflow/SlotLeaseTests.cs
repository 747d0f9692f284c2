using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Workflow;

namespace Scheduler.Core.Tests.Workflow;

/// <summary>Slot leases renewed by the process that runs the run (<see cref="RunOptions.SlotLease"/>, the Server): a crashed
/// process's attempt runs again as soon as its lease has run out and the sweep sees it, not after timeout + grace; a live
/// holder is never run over; a process whose slot was taken over stops without writing.</summary>
public sealed class SlotLeaseTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);

    private static async Task<(EngineHarness H, Run Launched)> LaunchedAsync(TimeSpan timeout)
    {
        var h = new EngineHarness(run: o => o.SlotLease = Lease);
        h.Launcher.InProcess = true;
        await h.CreateAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = timeout });
        await h.SweepAsync();
        return (h, Assert.Single(h.Launcher.Launched));
    }

    [Fact]
    public async Task Sweep_LaunchedRunTakesARenewedLeaseOfSlotLease()
    {
        var (h, launched) = await LaunchedAsync(TimeSpan.FromMinutes(5));

        var slot = Assert.Single(h.Slots.Taken("default"));
        Assert.True(slot.Renewed);
        Assert.Equal(T + Lease, slot.LeaseUntilUtc);
        Assert.Equal(launched.RunId, slot.RunId);
    }

    [Fact]
    public async Task Process_ProcessDiedMidAttempt_RunsTheAttemptAgainOnceTheLeaseEnds_NotAfterTimeoutAndGrace()
    {
        var (h, launched) = await LaunchedAsync(TimeSpan.FromMinutes(5));
        await h.MarkInFlightAsync(launched.RunId, attempt: 1, since: T);
        h.Launcher.InProcess = false;
        h.Time.Advance(Lease + TimeSpan.FromSeconds(1));

        await h.SweepAsync();
        var resend = Assert.Single(h.Sender.Sent, s => s.Message.RunId == launched.RunId);
        var result = await h.ProcessAsync(launched.RunId);

        Assert.Equal(TimeSpan.Zero, resend.VisibilityDelay);
        Assert.Equal(new RunOutcome(RunStatus.Succeeded, 1), result.Outcome);
        Assert.Equal(T + Lease + TimeSpan.FromSeconds(1), Assert.Single(h.Executor.Calls).AtUtc);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_DuplicateMessageWhileAProcessRenewsTheSlot_DefersUntilTheLeaseEnds()
    {
        var (h, launched) = await LaunchedAsync(TimeSpan.FromMinutes(5));
        await h.MarkInFlightAsync(launched.RunId, attempt: 1, since: T);
        h.Time.Advance(TimeSpan.FromSeconds(3));
        var held = Assert.Single(h.Slots.Taken("default"));
        Assert.NotNull(await h.RunSlots.RenewAsync(held, CancellationToken.None));

        var result = await h.ProcessAsync(launched.RunId);

        Assert.Equal(T.AddSeconds(3) + Lease, result.ResumeAtUtc);
        Assert.Empty(h.Executor.Calls);
        Assert.Equal(RunStatus.Running, h.Runs.Get(launched.RunId).Status);
    }

    [Fact]
    public async Task LaunchedRun_LongAttempt_RenewsItsSlotEveryInterval_AndStopsWithoutWritingWhenTakenOver()
    {
        var (h, launched) = await LaunchedAsync(TimeSpan.FromMinutes(5));
        h.Executor.Block();
        var running = h.Workflow.RunLaunchedAsync(launched, CancellationToken.None);
        await h.Executor.Started;

        await h.AdvanceWhenWaitingAsync(h.RunOptions.SlotRenewInterval, running);
        // The renewal loop waits for its next interval once the renewal is written.
        await h.Time.TimerStarted(h.RunOptions.SlotRenewInterval);
        var renewed = Assert.Single(h.Slots.Taken("default"));
        Assert.Equal(h.Now + Lease, renewed.LeaseUntilUtc);
        Assert.True(renewed.Renewed);
        // Another process finds the lease expired (this one stalled) and takes the slot over.
        h.Slots.Seed("default", renewed.Number, launched.RunId, h.Now.AddMinutes(1));
        h.Time.Advance(h.RunOptions.SlotRenewInterval);

        await Assert.ThrowsAsync<SlotLostException>(() => running);
        Assert.Equal(RunStatus.Running, h.Runs.Get(launched.RunId).Status);
        Assert.Empty(h.Runs.AttemptsOf(launched.RunId));
        Assert.Equal(launched.RunId, Assert.Single(h.Slots.Taken("default")).RunId);
    }

    [Fact]
    public async Task Process_QueuedRunPickedUpNearlyLeaseGraceLate_LeasesItsSlotAgainForTheAttempt()
    {
        var h = new EngineHarness(run: o => o.SlotLease = Lease);
        var runId = await h.DispatchAsync(TestJobs.Http("job", TestJobs.Once(T)) with { Timeout = TimeSpan.FromSeconds(30) });
        h.Executor.Block();
        h.Time.Advance(h.SweepOptions.LeaseGrace);

        var processing = h.ProcessAsync(runId);
        await h.Executor.Started;

        // Without it, the dispatch lease (due + 30 s + LeaseGrace) would end during the attempt and a sweep would send the run again.
        var slot = Assert.Single(h.Slots.Taken("default"));
        Assert.Equal(h.Now + TimeSpan.FromSeconds(30) + h.SweepOptions.LeaseGrace, slot.LeaseUntilUtc);
        Assert.False(slot.Renewed);
        h.Executor.Release();
        Assert.Equal(RunStatus.Succeeded, (await processing).Outcome?.Status);
    }
}
