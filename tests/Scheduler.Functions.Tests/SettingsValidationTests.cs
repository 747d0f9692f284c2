using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Scheduler.Server.Startup;
using Xunit;

namespace Scheduler.Functions.Tests;

/// <summary>A bad setting stops either host at start, before it touches storage, with a message that names the setting in
/// full and says what to set.</summary>
public sealed class SettingsValidationTests
{
    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "server", "Scheduler:Storage:RunsQueue", "Bad_Name" },
        { "server", "Scheduler:Sweep:Lookahead", "00:00:01" },
        { "server", "Scheduler:Runs:SlotWait", "00:00:00" },
        { "server", "Scheduler:Stats:FlushInterval", "00:05:00" },
        { "server", "Scheduler:Retention:RunsFor", "00:00:00" },
        { "server", "Scheduler:Retention:RunsPerJob", "0" },
        { "server", "Scheduler:Targets:Ssh:DefaultConnectTimeout", "00:00:00" },
        { "server", "Scheduler:Targets:Command:ShellPath", "sh" },
        { "server", "Scheduler:Worker:Parallelism", "0" },
        { "server", "Scheduler:FollowUps:RetryDelay", "00:00:00" },
        { "server", "Scheduler:FollowUps:MaxTries", "0" },
        { "functions", "Scheduler:Storage:RunsQueue", "Bad_Name" },
        { "functions", "Scheduler:Sweep:Lookahead", "00:00:01" },
        { "functions", "Scheduler:Runs:SlotWait", "00:00:00" },
        { "functions", "Scheduler:Stats:FlushInterval", "00:05:00" },
        { "functions", "Scheduler:Retention:DurableHistoryFor", "-00:00:01" },
        { "functions", "Scheduler:Retention:Interval", "2.00:00:00" },
        { "functions", "Scheduler:Targets:Ssh:DefaultConnectTimeout", "00:00:00" },
        { "functions", "Scheduler:Targets:Command:ShellPath", "sh" },
        { "functions", "Scheduler:FollowUps:RetryDelay", "-00:00:01" },
        { "server", "Scheduler:Alerts:HistoryPerJob", "0" },
        { "functions", "Scheduler:Alerts:DeadlineCheckInterval", "00:00:00" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSetting_FailsNamingIt(string hostKind, string setting, string value)
    {
        var failure = await StartFailureAsync(hostKind, setting, value);

        Assert.StartsWith($"{setting} is {value}", failure.Replace("'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("set", failure[setting.Length..], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("server")]
    [InlineData("functions")]
    public async Task Start_DefaultAlertRuleWithoutItsCount_FailsNamingTheRulesField(string hostKind)
    {
        var failure = await StartFailureAsync(hostKind, "Scheduler:Alerts:Defaults:0:On", "ConsecutiveFailures", ("Scheduler:Alerts:Defaults:0:Webhook:Url", "https://alerts.example.com/"));

        Assert.StartsWith("Scheduler:Alerts:Defaults:0:count: ConsecutiveFailures needs a count", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DefaultAlertRules_BindFromSettings()
    {
        using var host = Functions(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scheduler:Alerts:Defaults:0:On"] = "NoSuccessWithin",
            ["Scheduler:Alerts:Defaults:0:Window"] = "1.00:00:00",
            ["Scheduler:Alerts:Defaults:0:Cooldown"] = "01:00:00",
            ["Scheduler:Alerts:Defaults:0:Webhook:Url"] = "https://alerts.example.com/",
        });

        var rule = Assert.Single(host.Services.GetRequiredService<IOptions<Scheduler.Core.Alerts.AlertOptions>>().Value.Defaults);

        Assert.Equal((Scheduler.Core.Alerts.AlertOn.NoSuccessWithin, TimeSpan.FromDays(1), TimeSpan.FromHours(1), "https://alerts.example.com/"),
            (rule.On, rule.Window, rule.Cooldown, rule.Webhook.Url));
    }

    /// <summary>Settings that hold secrets (or may): the message names the setting and says what to set, but never repeats the value.</summary>
    public static TheoryData<string, string, string> BadSecretSettings() => new()
    {
        { "server", "Scheduler:Targets:Http:SigningSecret", "@Microsoft.KeyVault(SecretUri=https://kv-scheduler.vault.azure.net/secrets/webhook-signing-secret/)" },
        { "server", "Scheduler:Targets:Queue:ConnectionString", "AccountKey=c2VjcmV0;not-a-connection-string" },
        { "server", "Scheduler:Api:Keys:0", " key-with-a-space-7f3c9a1e " },
        { "functions", "Scheduler:Targets:Http:SigningSecret", "@Microsoft.KeyVault(SecretUri=https://kv-scheduler.vault.azure.net/secrets/webhook-signing-secret/)" },
        { "functions", "Scheduler:Targets:Queue:ConnectionString", "AccountKey=c2VjcmV0;not-a-connection-string" },
        { "functions", "Scheduler:Api:Keys:0", " key-with-a-space-7f3c9a1e " },
    };

    [Theory]
    [MemberData(nameof(BadSecretSettings))]
    public async Task Start_BadSecretSetting_FailsNamingItButNotItsValue(string hostKind, string setting, string value)
    {
        var failure = await StartFailureAsync(hostKind, setting, value);

        Assert.StartsWith($"{setting} ", failure, StringComparison.Ordinal);
        Assert.Contains("set", failure[setting.Length..], StringComparison.Ordinal);
        Assert.DoesNotContain(value.Trim(), failure, StringComparison.Ordinal);
    }

    /// <summary>Starts the host with <paramref name="setting"/> set to <paramref name="value"/>: the start fails, with one message.</summary>
    private static async Task<string> StartFailureAsync(string hostKind, string setting, string value, params (string Key, string Value)[] more)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scheduler:Targets:Command:Enabled"] = "true",
            [setting] = value,
        };
        foreach (var (key, extra) in more)
        {
            settings[key] = extra;
        }

        using IHost host = hostKind == "server" ? Server(settings) : Functions(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(CancellationToken.None));

        return Assert.Single(Validations(error).SelectMany(v => v.Failures));
    }

    private static WebApplication Server(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSchedulerServer();
        return builder.Build();
    }

    private static IHost Functions(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSchedulerFunctions(builder.Configuration);
        return builder.Build();
    }

    private static IEnumerable<OptionsValidationException> Validations(Exception? error) => error switch
    {
        OptionsValidationException validation => [validation],
        AggregateException all => all.InnerExceptions.SelectMany(Validations),
        null => [],
        _ => Validations(error.InnerException),
    };
}
