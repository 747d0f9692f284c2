using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
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
        { "server", "Scheduler:Targets:Ssh:DefaultConnectTimeout", "00:00:00" },
        { "server", "Scheduler:Targets:Command:ShellPath", "sh" },
        { "server", "Scheduler:Worker:Parallelism", "0" },
        { "functions", "Scheduler:Storage:RunsQueue", "Bad_Name" },
        { "functions", "Scheduler:Sweep:Lookahead", "00:00:01" },
        { "functions", "Scheduler:Runs:SlotWait", "00:00:00" },
        { "functions", "Scheduler:Stats:FlushInterval", "00:05:00" },
        { "functions", "Scheduler:Targets:Ssh:DefaultConnectTimeout", "00:00:00" },
        { "functions", "Scheduler:Targets:Command:ShellPath", "sh" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Start_BadSetting_FailsNamingIt(string hostKind, string setting, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scheduler:Targets:Command:Enabled"] = "true",
            [setting] = value,
        };
        using IHost host = hostKind == "server" ? Server(settings) : Functions(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(CancellationToken.None));

        var failures = Validations(error).SelectMany(v => v.Failures).ToList();
        var failure = Assert.Single(failures);
        Assert.StartsWith($"{setting} is {value}", failure.Replace("'", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("set", failure[setting.Length..], StringComparison.Ordinal);
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
