using Scheduler.Core.Alerts;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;
using Scheduler.Core.Tests.Support;

namespace Scheduler.Core.Tests.Alerts;

/// <summary>One job with alert rules, its runs ended one after another through the engine's alert follow-up handler (as
/// <see cref="FollowUpRunner"/> calls it), over the in-memory stores and a fake clock.</summary>
internal sealed class AlertHarness
{
    private int runs;

    public AlertHarness(params AlertRule[] rules)
    {
        Job = TestJobs.Http("job", TestJobs.Every(TimeSpan.FromMinutes(1))) with { Alerts = rules };
    }

    public EngineHarness Engine { get; } = new();
    public JobDefinition Job { get; set; }

    public IReadOnlyList<(AlertMessage Message, string Url)> Sent => Engine.AlertSender.Sent;

    public static AlertRule Rule(AlertOn on, int? count = null, TimeSpan? duration = null, TimeSpan? window = null, TimeSpan? cooldown = null) =>
        new() { On = on, Count = count, Duration = duration, Window = window, Cooldown = cooldown, Webhook = new AlertWebhook { Url = $"https://alerts.example.com/{on}" } };

    /// <summary>Ends the job's next run as <paramref name="status"/> after running <paramref name="took"/> (10 s by default), carrying
    /// out its alert follow-up when the plan gives it one; answers the run.</summary>
    public async Task<Run> EndAsync(RunStatus status, TimeSpan? took = null)
    {
        var started = Engine.Now;
        Engine.Time.Advance(took ?? TimeSpan.FromSeconds(10));
        var run = new Run
        {
            JobId = Job.Id,
            RunId = RunIds.For(Job.Id, started.AddTicks(++runs)),
            DueUtc = started,
            StartedUtc = started,
            FinishedUtc = Engine.Now,
            Status = status,
            AttemptCount = 1,
            LastError = status == RunStatus.Failed ? "HTTP 500" : null,
            Definition = Job,
        };
        foreach (var followUp in FollowUpPlan.For(run, Engine.AlertOptions.Defaults).Where(f => f.Kind == FollowUpKinds.Alert))
        {
            await Handler.CarryOutAsync(followUp, run, CancellationToken.None);
        }

        return run;
    }

    public AlertFollowUpHandler Handler => new(Engine.AlertStore, Engine.AlertDelivery, Engine.AlertOptions, Engine.Time);

    public Task<IReadOnlyList<AlertRecord>> HistoryAsync() => Engine.AlertStore.ListAsync(Job.Id, CancellationToken.None);
}
