using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Scheduler.Api.Health;
using Scheduler.Server.Sweep;
using Scheduler.Server.Worker;
using Scheduler.Storage;

namespace Scheduler.Engine.Tests.Support;

/// <summary>The real Server host over its own tables and queue in the shared Azurite. Without <c>background</c> it has no
/// sweep loop and no queue worker: the test drives the Sweeper and the InProcessWorkflow itself (a second instance, a killed worker).</summary>
public sealed class EngineHost(StorageOptions storage, IReadOnlyDictionary<string, string?> settings, bool background = true, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var values = new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = storage.ConnectionString,
            ["Scheduler:Storage:TablePrefix"] = storage.TablePrefix,
            ["Scheduler:Storage:RunsQueue"] = storage.RunsQueue,
            ["Scheduler:Storage:MaxRetries"] = storage.MaxRetries.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:Api:Keys:0"] = "engine-tests-key",
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            ["Scheduler:Sweep:Tick"] = "00:00:01",
            ["Scheduler:Sweep:Lookahead"] = "00:00:02",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (!background)
        {
            // The test drives the sweep and the processor itself: runs must go through the queue, not into this process.
            values["Scheduler:Worker:InProcessRuns"] = "0";
        }

        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(values));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }

        if (!background)
        {
            builder.ConfigureServices(services =>
            {
                var loops = services.Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationType == typeof(SweepService) || d.ImplementationType == typeof(RunWorker))).ToList();
                foreach (var loop in loops)
                {
                    services.Remove(loop);
                }
            });
        }
    }

    /// <summary>Starts the host (hosted services included) and waits until storage is initialized.</summary>
    public async Task<EngineHost> StartedAsync()
    {
        using var client = CreateClient();
        await Get<StorageStatus>().WaitReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        (await client.GetAsync(new Uri("/api/health", UriKind.Relative))).EnsureSuccessStatusCode();
        return this;
    }
}
