using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Scheduler.Core.Health;
using Scheduler.Core.Ports;
using Scheduler.Storage.Queues;
using Scheduler.Storage.Tables;

namespace Scheduler.Storage;

/// <summary>Registers the storage adapters of Core's ports, all singletons over one <see cref="StorageClients"/>.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Binds <see cref="StorageOptions"/> from a configuration section (usually <c>Storage</c>).</summary>
    public static IServiceCollection AddSchedulerStorage(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return services.AddSchedulerStorage(builder => builder.Bind(section));
    }

    public static IServiceCollection AddSchedulerStorage(this IServiceCollection services, Action<StorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddSchedulerStorage(builder => builder.Configure(configure));
    }

    private static IServiceCollection AddSchedulerStorage(this IServiceCollection services, Action<OptionsBuilder<StorageOptions>> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        configure(services.AddOptions<StorageOptions>());
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        services.TryAddSingleton(sp => new StorageClients(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<ILogger<StorageClients>>(), sp.GetService<StorageRequestCounter>()));
        services.TryAddSingleton<StorageLayout>();
        services.TryAddSingleton(sp => new StorageInitializer(
            sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<StorageLayout>(), sp.GetService<ILogger<StorageInitializer>>()));
        services.TryAddSingleton<IStorageFaults, StorageFaults>();
        services.TryAddSingleton<IJobStore, TableJobStore>();
        services.TryAddSingleton<IDueIndex>(sp => new TableDueIndex(
            sp.GetRequiredService<StorageClients>(), sp.GetService<ILogger<TableDueIndex>>()));
        services.TryAddSingleton<TableRunStore>();
        services.TryAddSingleton<IRunStore>(sp => sp.GetRequiredService<TableRunStore>());
        services.TryAddSingleton<IFollowUpStore>(sp => sp.GetRequiredService<TableRunStore>());
        services.TryAddSingleton<ISlotStore, TableSlotStore>();
        services.TryAddSingleton<IAlertStore, TableAlertStore>();
        services.TryAddSingleton<IConfigStore, TableConfigStore>();
        services.TryAddSingleton<IConnectionStore, TableConnectionStore>();
        services.TryAddSingleton<IRunCounterStore, TableRunCounterStore>();
        services.TryAddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.TryAddSingleton<ITriggerTokenStore, TableTriggerTokenStore>();
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<IRunSender, QueueRunSender>();
        services.TryAddSingleton<IPoisonMessages, QueuePoisonMessages>();
        services.TryAddSingleton(sp => new RunQueueReceiver(
            sp.GetRequiredService<StorageClients>(), sp.GetService<ILogger<RunQueueReceiver>>()));
        return services;
    }
}
