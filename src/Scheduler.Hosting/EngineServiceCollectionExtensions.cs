using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Hosting;
using Scheduler.Storage;
using Scheduler.Targets;
using Scheduler.Targets.Queue;

namespace Scheduler.Hosting;

/// <summary>Everything a host needs to run Scheduler's engine and API, from configuration; the Server and the Functions host both call it.</summary>
public static class EngineServiceCollectionExtensions
{
    public static IServiceCollection AddSchedulerEngine(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSchedulerStorage(configuration.GetSection(StorageOptions.SectionName));
        services.AddSingleton<IQueueClientFactory, StorageQueueClientFactory>();
        services.AddSchedulerTargets(configuration);
        services.AddSchedulerApi();
        services.AddHostedService<RunCounterFlusher>();
        return services;
    }
}
