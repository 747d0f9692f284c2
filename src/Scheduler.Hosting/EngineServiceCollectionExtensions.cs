using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Storage;
using Scheduler.Targets;
using Scheduler.Targets.Queue;

namespace Scheduler.Hosting;

/// <summary>Everything a host needs to run Scheduler's engine, from configuration: storage, the target executors and
/// Core's sweep, run workflow and job service. The Server and the Functions host both call it, then add the API
/// (<c>AddSchedulerApi</c>) and their own sweep signal, loops or triggers.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddSchedulerEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSchedulerStorage(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<IQueueClientFactory, StorageQueueClientFactory>();
        services.AddSchedulerTargets(configuration);
        services.AddSchedulerCore();
        services.AddHostedService<RunCounterFlusher>();
        return services;
    }
}
