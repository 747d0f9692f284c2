using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;
using Scheduler.Core.Validation;
using Scheduler.Server.Startup;
using Xunit;

namespace Scheduler.Functions.Tests;

/// <summary>The Server's and the Functions host's compositions register one job validator, built from one registry of
/// enabled executors, and decide every job alike, command targets on or off.</summary>
public sealed class ValidatorCompositionTests
{
    private static readonly TargetSpec[] Targets =
    [
        new HttpTargetSpec { Url = "https://example.com/hook" },
        new HttpTargetSpec { Url = "http://127.0.0.1:8080/hook" },
        new QueueTargetSpec { QueueName = "orders", Message = "{}" },
        new QueueTargetSpec { QueueName = "Bad_Name", Message = "{}" },
        new CommandTargetSpec { Program = "/bin/echo" },
        new CommandTargetSpec { Program = "" },
        new SshTargetSpec { Host = "example.com", User = "ops", SecretRef = "ssh-key", Commands = ["uptime"] },
    ];

    [Theory]
    [InlineData("false")]
    [InlineData("true")]
    public async Task Validate_SameJobs_ServerAndFunctionsDecideAlike(string commandsEnabled)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Scheduler:Targets:Command:Enabled"] = commandsEnabled,
        };
        using var server = ServerServices(settings);
        using var functions = FunctionsServices(settings);

        foreach (var target in Targets)
        {
            var job = new JobDefinition { Id = "job-1", Target = target, Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) } };
            var fromServer = await server.GetRequiredService<JobValidator>().ValidateAsync(job, CancellationToken.None);
            var fromFunctions = await functions.GetRequiredService<JobValidator>().ValidateAsync(job, CancellationToken.None);
            Assert.Equal(fromServer.All, fromFunctions.All);
        }

        var enabled = server.GetRequiredService<ITargetExecutorRegistry>().EnabledKinds.Order(StringComparer.Ordinal);
        Assert.Equal(commandsEnabled == "true" ? ["command", "http", "queue", "ssh"] : ["http", "queue", "ssh"], enabled);
        Assert.Equal(enabled, functions.GetRequiredService<ITargetExecutorRegistry>().EnabledKinds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Validate_CommandsOff_BothHostsNameTheSettingThatEnablesThem()
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true" };
        using var server = ServerServices(settings);
        using var functions = FunctionsServices(settings);
        var job = new JobDefinition { Id = "job-1", Target = new CommandTargetSpec { Program = "/bin/echo" }, Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero) } };

        foreach (var services in new[] { server, functions })
        {
            var error = Assert.Single((await services.GetRequiredService<JobValidator>().ValidateAsync(job, CancellationToken.None)).All);
            Assert.Equal("target.type", error.Field);
            Assert.Contains("Scheduler:Targets:Command:Enabled=true", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compositions_RegisterOneValidatorAndOneRegistry()
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:Storage:ConnectionString"] = "UseDevelopmentStorage=true" };
        var server = WebApplication.CreateSlimBuilder();
        server.Configuration.AddInMemoryCollection(settings);
        server.AddSchedulerServer();
        var functions = new ServiceCollection();
        functions.AddSchedulerFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        foreach (var services in new IServiceCollection[] { server.Services, functions })
        {
            Assert.Single(services, d => d.ServiceType == typeof(JobValidator));
            Assert.Single(services, d => d.ServiceType == typeof(ITargetExecutorRegistry));
        }
    }

    private static ServiceProvider ServerServices(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSchedulerServer();
        return builder.Services.BuildServiceProvider();
    }

    private static ServiceProvider FunctionsServices(IDictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSchedulerFunctions(builder.Configuration);
        return builder.Services.BuildServiceProvider();
    }
}
