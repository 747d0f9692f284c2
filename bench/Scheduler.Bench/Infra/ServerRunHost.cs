using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Services;
using Scheduler.Core.Targets;

namespace Scheduler.Bench.Infra;

/// <summary>The Server's composition hosted in process: its sweep loop and RunWorker, worker parallelism and lane budget at
/// their defaults; jobs through <see cref="JobService"/> as the REST API creates them.</summary>
internal sealed class ServerRunHost(WebApplication app) : IRunHost
{
    public string Name => "Server";

    public static async Task<ServerRunHost> CreateAsync(BenchAzurite azurite)
    {
        var settings = ServerComposition.BaseSettings(azurite);
        settings["Scheduler:Sweep:Tick"] = "00:00:01";
        settings["Scheduler:Sweep:Lookahead"] = "00:00:05";
        var app = ServerComposition.Build(settings);
        await ServerComposition.EnsureStorageAsync(app.Services);
        return new ServerRunHost(app);
    }

    public async Task<string> CreateOnceJobAsync(string id, string url, DateTimeOffset dueUtc)
    {
        var definition = new JobDefinition
        {
            Id = id,
            Target = new HttpTargetSpec { Url = url },
            Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = dueUtc },
        };
        var create = await app.Services.GetRequiredService<JobService>().CreateAsync(definition, CancellationToken.None);
        return create.Value is null
            ? throw new InvalidOperationException($"Creating {id}: {create.Status} {create.Detail} {create.Errors}")
            : RunIds.For(id, dueUtc);
    }

    public Task StartAsync() => app.StartAsync();

    public async Task<IReadOnlyList<Run>> RunsCreatedSinceAsync(DateTimeOffset sinceUtc) =>
        await app.Services.GetRequiredService<IRunStore>().ListCreatedSinceAsync(sinceUtc, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
