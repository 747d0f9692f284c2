using Scheduler.Core.Alerts;
using Scheduler.Core.Tests.Support;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Tests.Validation;

/// <summary>A job's alert rules as the job validator checks them: each mistake named by its field.</summary>
public sealed class AlertRulesTests
{
    private readonly JobValidator validator = new EngineHarness().Validator;

    [Fact]
    public async Task Validate_EachKindWithWhatItNeeds_HasNoErrors()
    {
        Assert.Empty(await FieldsOf(
            Rule(AlertOn.Failed) with { Cooldown = TimeSpan.FromHours(1) },
            Rule(AlertOn.ConsecutiveFailures) with { Count = 3 },
            Rule(AlertOn.Recovered),
            Rule(AlertOn.LongerThan) with { Duration = TimeSpan.FromMinutes(10) },
            Rule(AlertOn.NoSuccessWithin) with { Window = TimeSpan.FromDays(1) }));
    }

    [Fact]
    public async Task Validate_MissingOrMisplacedSettings_NameEachField()
    {
        var fields = await FieldsOf(
            Rule(AlertOn.ConsecutiveFailures),
            Rule(AlertOn.Failed) with { Count = 2, Cooldown = TimeSpan.FromSeconds(-1) },
            Rule(AlertOn.LongerThan) with { Duration = TimeSpan.Zero },
            Rule(AlertOn.NoSuccessWithin) with { Window = TimeSpan.FromSeconds(30) },
            Rule(AlertOn.Recovered) with { Webhook = new AlertWebhook { Url = "ftp://user:pw@example.com/" } });

        Assert.Equal(["alerts[0].count", "alerts[1].count", "alerts[1].cooldown", "alerts[2].duration", "alerts[3].window", "alerts[4].webhook.url"], fields);
    }

    [Fact]
    public async Task Validate_SixRules_NamesAlerts()
    {
        Assert.Equal(["alerts"], await FieldsOf([.. Enumerable.Repeat(Rule(AlertOn.Failed), 6)]));
    }

    private static AlertRule Rule(AlertOn on) => new() { On = on, Webhook = new AlertWebhook { Url = "https://alerts.example.com/" } };

    private async Task<IReadOnlyList<string>> FieldsOf(params AlertRule[] rules)
    {
        var job = TestJobs.Http("job-1", TestJobs.Once(EngineHarness.Start.AddMinutes(5))) with { Alerts = rules };
        return (await validator.ValidateAsync(job, CancellationToken.None)).All.Select(e => e.Field).Distinct().ToList();
    }
}
