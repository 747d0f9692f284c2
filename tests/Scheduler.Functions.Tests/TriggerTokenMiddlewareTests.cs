using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Auth;
using Scheduler.Api.Hosting;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;
using Scheduler.Core.Tokens;
using Scheduler.Functions.Http;
using Scheduler.Storage.Tables;
using Scheduler.Testing;

namespace Scheduler.Functions.Tests;

/// <summary>Trigger tokens on the Functions host: behind a function key, the worker's middleware lets a token through to its own
/// job's trigger alone, checked against the real token and job stores on Azurite.</summary>
[Collection("azurite")]
public sealed class TriggerTokenMiddlewareTests(AzuriteFixture azurite)
{
    private const string FunctionKey = "fn-operator-key-7d2b9e4c";

    [Theory]
    [InlineData("TriggerJob", "own", true)]
    [InlineData("TriggerJob", "other", false)]
    [InlineData("GetJob", "own", false)]
    [InlineData("PauseJob", "own", false)]
    public async Task TokenWithAFunctionKey_RunsOnlyItsOwnJobsTrigger(string function, string job, bool runs)
    {
        var services = await ServicesAsync();
        var token = await TokenForAsync(services, "own");
        await JobAsync(services, "other");

        var (status, ran) = await InvokeAsync(services, function, $"/api/jobs/{job}/trigger", token);

        Assert.Equal(runs, ran);
        Assert.Equal(runs ? StatusCodes.Status200OK : StatusCodes.Status403Forbidden, status);
    }

    [Fact]
    public async Task RevokedToken_IsRefused()
    {
        var services = await ServicesAsync();
        var token = await TokenForAsync(services, "own");
        var tokens = services.GetRequiredService<TriggerTokens>();
        await tokens.RevokeAsync("own", TokenText.IdOf(token)!, CancellationToken.None);

        var (status, ran) = await InvokeAsync(services, "TriggerJob", "/api/jobs/own/trigger", token);

        Assert.False(ran);
        Assert.Equal(StatusCodes.Status403Forbidden, status);
    }

    private async Task<ServiceProvider> ServicesAsync()
    {
        var storage = await azurite.NewStorageAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Api:NamedKeys:0:Name"] = "on-call",
            ["Scheduler:Api:NamedKeys:0:Key"] = FunctionKey,
            ["Scheduler:Api:NamedKeys:0:Role"] = "Operator",
        }).Build());
        services.AddLogging();
        services.AddSchedulerApi();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IJobStore>(new TableJobStore(storage));
        services.AddSingleton<ITriggerTokenStore>(new TableTriggerTokenStore(storage));
        services.AddSingleton<TriggerTokens>();
        return services.BuildServiceProvider();
    }

    private static async Task JobAsync(IServiceProvider services, string id)
    {
        var definition = new JobDefinition
        {
            Id = id,
            Target = new HttpTargetSpec { Url = "https://example.test/hook" },
            Schedule = new ScheduleSpec { Kind = ScheduleKind.Cron, Cron = "0 0 1 1 *" },
        };
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<IJobStore>().InsertAsync(new Job { Definition = definition, CreatedUtc = now, UpdatedUtc = now }, CancellationToken.None);
    }

    private static async Task<string> TokenForAsync(IServiceProvider services, string job)
    {
        await JobAsync(services, job);
        var created = await services.GetRequiredService<TriggerTokens>().CreateAsync(job, null, null, "test", CancellationToken.None);
        return created.Value!.Text;
    }

    private static async Task<(int Status, bool Ran)> InvokeAsync(ServiceProvider services, string function, string path, string token)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = path;
        context.Request.Headers[ApiKeyVerifier.FunctionKeyHeader] = FunctionKey;
        context.Request.Headers.Authorization = $"Bearer {token}";
        context.Response.Body = new MemoryStream();
        var ran = false;
        await new ApiRoleMiddleware().Invoke(new HttpInvocation(function, context), _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        return (context.Response.StatusCode, ran);
    }
}
