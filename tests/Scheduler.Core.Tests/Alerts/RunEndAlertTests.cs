using Scheduler.Core.Alerts;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Alerts;

/// <summary>The run-end alert kinds, decided by the alert follow-up over the in-memory stores: each fires when it should, and not
/// when it should not.</summary>
public sealed class RunEndAlertTests
{
    [Fact]
    public async Task Failed_RunFailed_SendsOneAlertWithTheRunAndItsId()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Failed));

        var run = await h.EndAsync(RunStatus.Failed);

        var (message, url) = Assert.Single(h.Sent);
        Assert.Equal(($"{run.RunId}/alert/1", AlertOn.Failed, "https://alerts.example.com/Failed"), (message.Id, message.On, url));
        Assert.Equal((run.RunId, RunStatus.Failed), (message.Run!.RunId, message.Run.Status));
        var record = Assert.Single(await h.HistoryAsync());
        Assert.Equal(("delivered", 1), (record.Delivery, record.Tries));
    }

    [Fact]
    public async Task Failed_RunSucceeded_SendsNothingAndWritesNoFollowUp()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Failed));

        await h.EndAsync(RunStatus.Succeeded);

        Assert.Empty(h.Sent);
        Assert.Empty(await h.HistoryAsync());
        Assert.Null(await h.Engine.AlertStore.GetStateAsync("job", CancellationToken.None));
    }

    [Fact]
    public async Task ConsecutiveFailures_FiresWhenTheStreakReachesTheCount_OncePerStreak()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.ConsecutiveFailures, count: 3));

        await h.EndAsync(RunStatus.Failed);
        await h.EndAsync(RunStatus.Failed);
        var sentAfterTwo = h.Sent.Count;
        var third = await h.EndAsync(RunStatus.Failed);
        await h.EndAsync(RunStatus.Failed);
        await h.EndAsync(RunStatus.Succeeded);
        await h.EndAsync(RunStatus.Failed);
        await h.EndAsync(RunStatus.Failed);

        Assert.Equal(0, sentAfterTwo);
        var (message, _) = Assert.Single(h.Sent);
        Assert.Equal($"{third.RunId}/alert/1", message.Id);
        Assert.Equal("3 runs failed in a row.", message.Reason);
    }

    [Fact]
    public async Task Recovered_FiresOnTheFirstSuccessAfterAFailure_Once()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Recovered));

        await h.EndAsync(RunStatus.Succeeded);
        await h.EndAsync(RunStatus.Failed);
        await h.EndAsync(RunStatus.Failed);
        var recovery = await h.EndAsync(RunStatus.Succeeded);
        await h.EndAsync(RunStatus.Succeeded);

        var (message, _) = Assert.Single(h.Sent);
        Assert.Equal(($"{recovery.RunId}/alert/1", AlertOn.Recovered), (message.Id, message.On));
    }

    [Fact]
    public async Task LongerThan_FiresForARunLongerThanTheDuration_NotForOneShorter()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.LongerThan, duration: TimeSpan.FromMinutes(1)));

        await h.EndAsync(RunStatus.Succeeded, TimeSpan.FromSeconds(59));
        var slow = await h.EndAsync(RunStatus.Succeeded, TimeSpan.FromSeconds(61));
        await h.EndAsync(RunStatus.Canceled, TimeSpan.FromMinutes(5));

        var (message, _) = Assert.Single(h.Sent);
        Assert.Equal(($"{slow.RunId}/alert/1", "The run took 00:01:01, longer than 00:01:00."), (message.Id, message.Reason));
    }

    [Fact]
    public async Task Cooldown_SecondFailureWithinIt_IsRecordedSuppressed_AndAfterItSentAgain()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Failed, cooldown: TimeSpan.FromHours(1)));

        var first = await h.EndAsync(RunStatus.Failed);
        var withinCooldown = await h.EndAsync(RunStatus.Failed);
        h.Engine.Time.Advance(TimeSpan.FromHours(1));
        var afterCooldown = await h.EndAsync(RunStatus.Failed);

        Assert.Equal([$"{first.RunId}/alert/1", $"{afterCooldown.RunId}/alert/1"], h.Sent.Select(s => s.Message.Id));
        var history = await h.HistoryAsync();
        Assert.Equal([("delivered", afterCooldown.RunId), ("suppressed", withinCooldown.RunId), ("delivered", first.RunId)],
            history.Select(r => (r.Delivery, r.RunId!)));
    }

    [Fact]
    public async Task CarriedOutTwice_TheRunIsAppliedOnce_AndItsAlertSentOnce()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.ConsecutiveFailures, count: 2));
        await h.EndAsync(RunStatus.Failed);
        var second = await h.EndAsync(RunStatus.Failed);
        var followUp = Assert.Single(Core.FollowUps.FollowUpPlan.For(second, []));

        await h.Handler.CarryOutAsync(followUp, second, CancellationToken.None);

        Assert.Single(h.Sent);
        Assert.Equal(2, (await h.Engine.AlertStore.GetStateAsync("job", CancellationToken.None))!.Streak);
    }

    [Fact]
    public async Task DeliveryRefused_IsRecordedAndTriedAgain_WithTheSameId_UntilDelivered()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Failed));
        h.Engine.AlertSender.FailNext = 1;
        var run = await h.EndAsync(RunStatus.Failed);
        var afterRefusal = Assert.Single(await h.HistoryAsync());

        var retried = await h.Handler.CarryOutAsync(Assert.Single(Core.FollowUps.FollowUpPlan.For(run, [])), run, CancellationToken.None);

        Assert.Equal(("pending", 1, "HTTP 503"), (afterRefusal.Delivery, afterRefusal.Tries, afterRefusal.LastError));
        Assert.True(retried.Done);
        Assert.Equal([$"{run.RunId}/alert/1", $"{run.RunId}/alert/1"], h.Sent.Select(s => s.Message.Id));
        Assert.Equal("delivered", Assert.Single(await h.HistoryAsync()).Delivery);
    }

    [Fact]
    public async Task Defaults_ApplyToAJobWithoutRules_AndAJobsOwnRulesReplaceThem()
    {
        var h = new AlertHarness();
        h.Engine.AlertOptions.Defaults = [AlertHarness.Rule(AlertOn.Failed) with { Webhook = new AlertWebhook { Url = "https://default.example.com/" } }];

        await h.EndAsync(RunStatus.Failed);
        h.Job = h.Job with { Alerts = [AlertHarness.Rule(AlertOn.Recovered)] };
        await h.EndAsync(RunStatus.Failed);

        Assert.Equal(["https://default.example.com/"], h.Sent.Select(s => s.Url));
    }

    [Fact]
    public async Task History_IsARingOfHistoryPerJob_TheNewestKept()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.Failed));
        h.Engine.AlertOptions.HistoryPerJob = 3;
        var ended = new List<Run>();
        for (var i = 0; i < 5; i++)
        {
            ended.Add(await h.EndAsync(RunStatus.Failed));
        }

        Assert.Equal(ended.TakeLast(3).Reverse().Select(r => r.RunId), (await h.HistoryAsync()).Select(r => r.RunId));
    }
}
