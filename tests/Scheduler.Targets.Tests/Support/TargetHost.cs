using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Core.Ports;
using Scheduler.Core.Validation;

namespace Scheduler.Targets.Tests.Support;

/// <summary>The real registrations of <see cref="ServiceCollectionExtensions.AddSchedulerTargets"/> over in-memory configuration.</summary>
public sealed class TargetHost : IDisposable
{
    private readonly ServiceProvider provider;

    public TargetHost(IDictionary<string, string?> settings, TimeProvider? time = null, IConnectionStore? connections = null)
    {
        // Every host runs queue targets; a client that is never used needs no reachable account.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Scheduler:Targets:Queue:ConnectionString"] = "UseDevelopmentStorage=true" })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(connections ?? new InMemoryConnectionStore());
        services.AddSchedulerTargets(configuration);
        provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public ITargetExecutorRegistry Registry => provider.GetRequiredService<ITargetExecutorRegistry>();

    /// <summary>Core's validator built from this host's registry and validators, as the hosts' composition builds it.</summary>
    public JobValidator JobValidator => new(Registry, provider.GetServices<ITargetValidator>());

    public ITargetExecutor Executor(string kind) => Registry.Find(kind) ?? throw new InvalidOperationException($"No executor for '{kind}'.");

    public T Validator<T>()
        where T : ITargetValidator => provider.GetServices<ITargetValidator>().OfType<T>().Single();

    public void Dispose() => provider.Dispose();
}
