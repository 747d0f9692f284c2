using Scheduler.Core.Alerts;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Alerts;

/// <summary>Alerts through the real engine (sweep, attempts, settle, follow-ups) over the fakes: a retried attempt never alerts,
/// the run that failed after its last retry alerts once, with each attempt's error.</summary>
public sealed class AlertEngineTests
{
    private static readonly DateTimeOffset T = EngineHarness.Start;

    [Fact]
    public async Task Process_AttemptFailsThenRetrySucceeds_NoFailedAlert()
    {
        var h = new EngineHarness();
        h.Executor.Returns(AttemptResult.Failure("boom", retryable: true), AttemptResult.Success());
        var runId = await h.DispatchAsync(Alerting() with { Retry = TestJobs.ExactRetry(2) });

        await h.ProcessAsync(runId);
        var afterRetriedAttempt = h.AlertSender.Sent.Count;
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ProcessAsync(runId);

        Assert.Equal(0, afterRetriedAttempt);
        Assert.Equal(RunStatus.Succeeded, h.Runs.Get(runId).Status);
        Assert.Empty(h.AlertSender.Sent);
        Assert.Empty(h.Runs.FollowUps);
    }

    [Fact]
    public async Task Process_EveryAttemptFails_OneAlertAfterTheLastRetry_CarryingEachAttemptsError()
    {
        var h = new EngineHarness();
        h.Executor.Returns(AttemptResult.Failure("first", retryable: true), AttemptResult.Failure("second", retryable: true));
        var runId = await h.DispatchAsync(Alerting() with { Retry = TestJobs.ExactRetry(2) });

        await h.ProcessAsync(runId);
        var afterRetriedAttempt = h.AlertSender.Sent.Count;
        h.Time.Advance(TimeSpan.FromSeconds(1));
        await h.ProcessAsync(runId);

        Assert.Equal(0, afterRetriedAttempt);
        var (message, _) = Assert.Single(h.AlertSender.Sent);
        Assert.Equal(($"{runId}/alert/1", RunStatus.Failed), (message.Id, message.Run!.Status));
        Assert.Equal(["first", "second"], message.Run.Attempts.Select(a => a.Error));
        var run = h.Runs.Get(runId);
        Assert.Equal((RunStatus.Failed, false), (run.Status, run.FollowUpsPending));
        Assert.Empty(h.Slots.Taken("default"));
    }

    [Fact]
    public async Task Process_AlertDeliveryRefused_TheRunStaysFailed_AndTheSweepsRepairDeliversIt()
    {
        var h = new EngineHarness();
        h.Executor.Returns(AttemptResult.Failure("broken", retryable: false));
        h.AlertSender.FailNext = 1;
        var runId = await h.DispatchAsync(Alerting());

        await h.ProcessAsync(runId);
        var status = h.Runs.Get(runId).Status;
        h.Time.Advance(h.FollowUpOptions.RetryDelay);
        await h.SweepAsync();

        Assert.Equal(RunStatus.Failed, status);
        Assert.Equal([$"{runId}/alert/1", $"{runId}/alert/1"], h.AlertSender.Sent.Select(s => s.Message.Id));
        Assert.Equal("delivered", Assert.Single(await h.AlertStore.ListAsync("job", CancellationToken.None)).Delivery);
        Assert.Empty(h.Slots.Taken("default"));
    }

    private static Jobs.JobDefinition Alerting() => TestJobs.Http("job", TestJobs.Once(T)) with
    {
        Alerts = [new AlertRule { On = AlertOn.Failed, Webhook = new AlertWebhook { Url = "https://alerts.example.com/" } }],
    };
}
