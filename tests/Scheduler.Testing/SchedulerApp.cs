using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Core.Health;
using Scheduler.Server.Sweep;
using Scheduler.Server.Worker;
using Scheduler.Storage;

namespace Scheduler.Testing;

/// <summary>The real Server host (API, sweep, worker) in the test's process, over its own tables and queue, configured by
/// <see cref="ServerSettings"/> and <paramref name="settings"/>. Without <paramref name="background"/> it has no sweep loop
/// and no queue worker: the test drives the sweeper and the run processor itself (a second instance, a killed worker).
/// <paramref name="services"/> replaces or adds services.</summary>
public sealed class SchedulerApp(
    StorageOptions storage,
    IReadOnlyDictionary<string, string?>? settings = null,
    bool background = true,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = ServerSettings.ApiKey;

    public StorageOptions Storage => storage;

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client without any key.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>Starts the host (hosted services included); storage is ready once this returns.</summary>
    public async Task<SchedulerApp> StartedAsync()
    {
        using var client = Anonymous();
        (await client.GetAsync(new Uri("/api/health", UriKind.Relative)).ConfigureAwait(false)).EnsureSuccessStatusCode();
        return this;
    }

    /// <summary>The host listens before storage is reached; tests start once it is, as a Server would be after its first health 200.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<StorageStatus>().WaitReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        var values = ServerSettings.For(storage);
        values["Scheduler:Storage:MaxRetries"] = storage.MaxRetries.ToString(CultureInfo.InvariantCulture);
        values["Scheduler:Storage:RetryDelay"] = storage.RetryDelay.ToString("c");
        values["Scheduler:Storage:MaxRetryDelay"] = storage.MaxRetryDelay.ToString("c");
        values["Scheduler:Storage:NetworkTimeout"] = storage.NetworkTimeout.ToString("c");
        if (!background)
        {
            // The test drives the sweep and the processor itself: runs must go through the queue, not into this process.
            values["Scheduler:Worker:InProcessRuns"] = "0";
        }

        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(values).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
        builder.ConfigureServices(collection =>
        {
            services?.Invoke(collection);
            if (!background)
            {
                var loops = collection.Where(d => d.ServiceType == typeof(IHostedService)
                    && (d.ImplementationType == typeof(SweepService) || d.ImplementationType == typeof(RunWorker))).ToList();
                foreach (var loop in loops)
                {
                    collection.Remove(loop);
                }
            }
        });
    }
}
