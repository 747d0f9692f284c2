using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Server.Startup;
using Scheduler.Storage;

namespace Scheduler.Bench.Infra;

/// <summary>The Server's own composition (<c>AddSchedulerServer</c>, as in src/Scheduler.Server/Program.cs) with the benchmark's
/// settings, and a <see cref="StorageRequestCounter"/> registered first so that <c>StorageClients</c> counts every request.
/// Scenarios that drive the engine by hand resolve its services without starting the host (no sweep loop, no worker running);
/// the throughput scenario starts it.</summary>
internal static class ServerComposition
{
    public const string ApiKey = "bench-key-5b7e0c2d9a4f4e61";

    /// <summary>Settings every benchmark host shares: loopback webhooks allowed (the no-op sink), quiet logs, a known API key.</summary>
    public static Dictionary<string, string?> BaseSettings(BenchAzurite azurite)
    {
        var settings = azurite.StorageSettings();
        settings["Scheduler:Api:Keys:0"] = ApiKey;
        settings["Scheduler:Targets:Http:AllowLoopback"] = "true";
        settings["Logging:LogLevel:Default"] = "Warning";
        settings["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        return settings;
    }

    public static WebApplication Build(Dictionary<string, string?> settings, int? port = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port ?? 0}"));
        builder.Services.AddSingleton<StorageRequestCounter>();
        builder.AddSchedulerServer();
        var app = builder.Build();
        app.UseSchedulerServer();
        return app;
    }

    /// <summary>Creates the tables and queues (what the Server's StorageStartup does when the host starts).</summary>
    public static Task EnsureStorageAsync(IServiceProvider services) =>
        services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
}
