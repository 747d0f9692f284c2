using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Scheduler.Api.Health;
using Scheduler.Storage;

namespace Scheduler.Api.Tests.Support;

/// <summary>The real Server host (API, sweep, worker) over its own tables and queue in the shared Azurite, with a 1 s tick;
/// <paramref name="settings"/> override or add configuration.</summary>
public sealed class SchedulerApp(StorageOptions storage, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key-7f3c9a1e5b2d4c6e";

    public StorageOptions Storage => storage;

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Api()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>A client without any key.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>The host listens before storage is reached; tests start once it is, as a Server would be after its first health 200.</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        host.Services.GetRequiredService<StorageStatus>().WaitReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1)).GetAwaiter().GetResult();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Scheduler:Storage:ConnectionString"] = storage.ConnectionString,
            ["Scheduler:Storage:TablePrefix"] = storage.TablePrefix,
            ["Scheduler:Storage:RunsQueue"] = storage.RunsQueue,
            ["Scheduler:Storage:MaxRetries"] = storage.MaxRetries.ToString(CultureInfo.InvariantCulture),
            ["Scheduler:Storage:RetryDelay"] = storage.RetryDelay.ToString("c"),
            ["Scheduler:Storage:MaxRetryDelay"] = storage.MaxRetryDelay.ToString("c"),
            ["Scheduler:Storage:NetworkTimeout"] = storage.NetworkTimeout.ToString("c"),
            ["Scheduler:Api:Keys:0"] = ApiKey,
            ["Scheduler:Targets:Http:AllowLoopback"] = "true",
            ["Scheduler:Secrets:ssh-deploy-key"] = "a-test-password",
            ["Scheduler:Sweep:Tick"] = "00:00:01",
            ["Scheduler:Sweep:Lookahead"] = "00:00:02",
            ["Scheduler:Worker:IdlePollInterval"] = "00:00:00.250",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Scheduler.Server.Worker"] = "Information",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()));
    }
}
