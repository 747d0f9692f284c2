using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.FollowUps;

/// <summary>Run-end notifications as follow-ups through the real engine over the fakes: written with the settle, carried out
/// before the slot is given back, retried by the sweep's slot repair, given up after their tries, never changing the run.</summary>
public sealed class FollowUpRunnerTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;
    private static readonly AttemptResult Broken = AttemptResult.Failure("500 Internal Server Error", retryable: false);

    [Fact]
    public async Task Process_FailedRunWithNotifyOnFailed_NotifiesOnceThenClearsTheRowsAndReleasesTheSlot()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Broken);
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Failed, NotifyOn.Succeeded, NotifyOn.Ended));

        await h.ProcessAsync(runId);

        Assert.Equal([($"{runId}/1", RunStatus.Failed), ($"{runId}/3", RunStatus.Failed)], h.Notifier.Tries);
        var run = h.Runs.Get(runId);
        Assert.Equal((RunStatus.Failed, false), (run.Status, run.FollowUpsPending));
        Assert.Empty(h.Runs.FollowUps);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_SucceededRunWithNotifyOnFailed_WritesNoFollowUp()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Failed));

        await h.ProcessAsync(runId);

        Assert.Empty(h.Notifier.Tries);
        Assert.False(h.Runs.Get(runId).FollowUpsPending);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_DeliveryRefused_KeepsTheSlotUntilTheRetryDelay_ThenTheSweepDeliversAndFreesIt()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Broken);
        h.Notifier.FailNext = 1;
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Failed));

        await h.ProcessAsync(runId);
        var kept = Assert.Single(h.Slots.Taken("default"));
        var row = Assert.Single(h.Runs.FollowUps);
        await h.SweepAsync();
        var triesBeforeTheDelay = h.Notifier.Tries.Count;
        h.Time.Advance(h.FollowUpOptions.RetryDelay);
        await h.SweepAsync();

        Assert.Equal((runId, T + h.FollowUpOptions.RetryDelay), (kept.RunId, kept.LeaseUntilUtc));
        Assert.Equal((1, "HTTP 503"), (row.Tries, row.LastError));
        Assert.Equal(1, triesBeforeTheDelay);
        Assert.Equal([$"{runId}/1", $"{runId}/1"], h.Notifier.Tries.Select(t => t.Id));
        Assert.Empty(h.Runs.FollowUps);
        Assert.Equal((RunStatus.Failed, false), (h.Runs.Get(runId).Status, h.Runs.Get(runId).FollowUpsPending));
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Sweep_DeliveryRefusedEveryTry_GivesUpAfterMaxTries_RowKeptAsRecordAndSlotFreed()
    {
        var h = new EngineHarness();
        h.FollowUpOptions.MaxTries = 2;
        h.Executor.Returns(Broken);
        h.Notifier.FailNext = int.MaxValue;
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Ended));

        await h.ProcessAsync(runId);
        h.Time.Advance(h.FollowUpOptions.RetryDelay);
        await h.SweepAsync();

        Assert.Equal(2, h.Notifier.Tries.Count);
        var row = Assert.Single(h.Runs.FollowUps);
        Assert.Equal((2, (DateTimeOffset?)h.Now), (row.Tries, row.GaveUpUtc));
        Assert.Equal((RunStatus.Failed, false), (h.Runs.Get(runId).Status, h.Runs.Get(runId).FollowUpsPending));
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_DiesWhileNotifying_SlotOutlivesIt_AndTheRepairDeliversWithTheSameId()
    {
        var h = new EngineHarness();
        h.Executor.Returns(Broken);
        h.Notifier.DieNext = true;
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Failed));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.ProcessAsync(runId));
        var held = Assert.Single(h.Slots.Taken("default"));
        h.Time.SetUtcNow(held.LeaseUntilUtc!.Value);
        await h.SweepAsync();

        Assert.Equal([$"{runId}/1", $"{runId}/1"], h.Notifier.Tries.Select(t => t.Id));
        Assert.Empty(h.Runs.FollowUps);
        Assert.False(h.Runs.Get(runId).FollowUpsPending);
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Cancel_QueuedRunWithNotifyOnEnded_NotifiesCanceledInTheCancelsWrite()
    {
        var h = new EngineHarness();
        var runId = await h.DispatchAsync(Notifying("job", NotifyOn.Ended, NotifyOn.Failed));

        var canceled = await h.Canceller.CancelAsync("job", runId, CancellationToken.None);

        Assert.Equal(RunStatus.Canceled, canceled.Value!.Status);
        Assert.Equal([($"{runId}/1", RunStatus.Canceled)], h.Notifier.Tries);
        Assert.False(h.Runs.Get(runId).FollowUpsPending);
        Assert.Empty(h.Slots.Taken("default"));
    }

    private static JobDefinition Notifying(string id, params NotifyOn[] on) => TestJobs.Http(id, TestJobs.Once(T)) with
    {
        Notify = [.. on.Select((o, i) => new NotifyRule { On = o, Url = $"https://example.com/notify/{i + 1}" })],
    };
}
