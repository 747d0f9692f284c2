using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Storage.Queues;

namespace Scheduler.Storage.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSchedulerStorage_ConfigurationSection_ResolvesEveryAdapterAsSingleton()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["Storage:TablePrefix"] = "dev",
            ["Storage:RunsQueue"] = "work",
            ["Storage:QueueServiceVersion"] = "V2026_06_06",
            ["Storage:NetworkTimeout"] = "00:00:05",
        }).Build();
        using var provider = new ServiceCollection().AddSchedulerStorage(configuration.GetSection("Storage")).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        Assert.Equal(("dev", "work-poison", QueueClientOptions.ServiceVersion.V2026_06_06, TimeSpan.FromSeconds(5)),
            (options.TablePrefix, options.PoisonQueue, options.QueueServiceVersion, options.NetworkTimeout));
        Type[] services = [typeof(IJobStore), typeof(IDueIndex), typeof(IRunStore), typeof(ISlotStore), typeof(IConfigStore),
            typeof(IConnectionStore), typeof(IIdempotencyStore), typeof(IRunSender), typeof(RunQueueReceiver), typeof(StorageInitializer)];
        Assert.All(services, type => Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type)));
        Assert.Equal("work", provider.GetRequiredService<StorageClients>().RunsQueue.Name);
    }

    [Fact]
    public void AddSchedulerStorage_InvalidOptions_FailsValidation()
    {
        using var provider = new ServiceCollection().AddSchedulerStorage(o => o.RunsQueue = "Bad_Name").BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Equal(2, error.Failures.Count());
    }
}
