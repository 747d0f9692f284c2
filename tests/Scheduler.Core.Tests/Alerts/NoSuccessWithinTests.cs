using Scheduler.Core.Alerts;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Alerts;

/// <summary>NoSuccessWithin through the deadline index and the <see cref="NoSuccessCheck"/> pass: armed by the job's first ended
/// run, moved by successes, fired once for a job that stopped succeeding (or running), re-armed by the next success.</summary>
public sealed class NoSuccessWithinTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task Check_NoSuccessWithinTheWindow_FiresOnce_UntilARunSucceeds()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.NoSuccessWithin, window: Hour));
        var success = await h.EndAsync(RunStatus.Succeeded);
        h.Engine.Time.Advance(Hour);

        var fired = await CheckAsync(h);
        h.Engine.Time.Advance(Hour);
        var again = await CheckAsync(h);

        Assert.Equal((1, 0), (fired, again));
        var (message, _) = Assert.Single(h.Sent);
        Assert.Equal(($"job/nosuccess/1/{(success.FinishedUtc!.Value + Hour).UtcTicks}", AlertOn.NoSuccessWithin, null), (message.Id, message.On, message.Run));
        Assert.Empty(h.Engine.AlertStore.Deadlines);
    }

    [Fact]
    public async Task Check_ASuccessWithinTheWindow_MovesTheDeadline_AndNothingFires()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.NoSuccessWithin, window: Hour));
        await h.EndAsync(RunStatus.Succeeded);
        h.Engine.Time.Advance(TimeSpan.FromMinutes(30));
        var later = await h.EndAsync(RunStatus.Succeeded);
        h.Engine.Time.Advance(TimeSpan.FromMinutes(31));

        var fired = await CheckAsync(h);

        Assert.Equal(0, fired);
        Assert.Empty(h.Sent);
        Assert.Equal(later.FinishedUtc!.Value + Hour, Assert.Single(h.Engine.AlertStore.Deadlines).DueUtc);
    }

    [Fact]
    public async Task Check_JobThatOnlyFails_Fires_AndTheNextSuccessReArmsIt_WithARecoveredAlert()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.NoSuccessWithin, window: Hour), AlertHarness.Rule(AlertOn.Recovered));
        await h.EndAsync(RunStatus.Failed);
        h.Engine.Time.Advance(Hour);
        await CheckAsync(h);
        await h.EndAsync(RunStatus.Failed);
        var recovery = await h.EndAsync(RunStatus.Succeeded);
        await h.EndAsync(RunStatus.Succeeded);

        Assert.Equal([AlertOn.NoSuccessWithin, AlertOn.Recovered], h.Sent.Select(s => s.Message.On));
        Assert.Equal($"{recovery.RunId}/alert/2", h.Sent[1].Message.Id);
        Assert.Equal(recovery.FinishedUtc!.Value + Hour, Assert.Single(h.Engine.AlertStore.Deadlines).DueUtc);
    }

    [Fact]
    public async Task Check_DeliveryRefused_KeepsTheRow_AndTheNextPassDeliversTheSameId()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.NoSuccessWithin, window: Hour));
        await h.EndAsync(RunStatus.Succeeded);
        h.Engine.Time.Advance(Hour);
        h.Engine.AlertSender.FailNext = 1;

        await CheckAsync(h);
        var kept = h.Engine.AlertStore.Deadlines.Count;
        h.Engine.Time.Advance(TimeSpan.FromMinutes(1));
        await CheckAsync(h);

        Assert.Equal(1, kept);
        Assert.Equal(2, h.Sent.Count);
        Assert.Equal(h.Sent[0].Message.Id, h.Sent[1].Message.Id);
        Assert.Equal(("delivered", 2), (Assert.Single(await h.HistoryAsync()).Delivery, Assert.Single(await h.HistoryAsync()).Tries));
        Assert.Empty(h.Engine.AlertStore.Deadlines);
    }

    [Fact]
    public async Task Check_TheRuleWasRemoved_DropsTheDeadline_AndSendsNothing()
    {
        var h = new AlertHarness(AlertHarness.Rule(AlertOn.NoSuccessWithin, window: Hour));
        await h.Engine.CreateAsync(h.Job with { Alerts = [AlertHarness.Rule(AlertOn.Failed)] });
        await h.EndAsync(RunStatus.Succeeded);
        h.Engine.Time.Advance(Hour);

        await CheckAsync(h);

        Assert.Empty(h.Sent);
        Assert.Empty(h.Engine.AlertStore.Deadlines);
    }

    /// <summary>One pass over the job as stored (created first when it is not).</summary>
    private static async Task<int> CheckAsync(AlertHarness h)
    {
        if (await h.Engine.Jobs.GetAsync(h.Job.Id, CancellationToken.None) is null)
        {
            await h.Engine.CreateAsync(h.Job);
        }

        return await h.Engine.NoSuccessCheck.RunAsync(CancellationToken.None);
    }
}
