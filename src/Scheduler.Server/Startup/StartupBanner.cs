using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Scheduler.Api;
using Scheduler.Api.Auth;
using Scheduler.Server.Development;
using Scheduler.Targets.Http;

namespace Scheduler.Server.Startup;

/// <summary>Prints where the Server listens and which API key to use, once it has started.</summary>
public sealed class StartupBanner(IHostApplicationLifetime lifetime, IServer server, IOptions<ApiKeyOptions> keys, LocalApiKey local,
    IOptions<HttpTargetOptions> http, IHostEnvironment environment, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var urls = addresses is { Count: > 0 } ? string.Join(", ", addresses) : "http://localhost";
        var first = addresses?.FirstOrDefault() ?? "http://localhost";
        Log.Listening(logger, urls, $"{first.TrimEnd('/')}/{ApiRoutes.Prefix}/{ApiRoutes.Reference}");
        PrintDevelopment(first);
        var configured = keys.Value.Keys.Where(k => !string.IsNullOrWhiteSpace(k)).ToList();
        if (local.GeneratedPath is { } path && local.Reused)
        {
            Log.ReusedApiKey(logger, path, configured[0]);
        }
        else if (local.GeneratedPath is { } generated)
        {
            Log.GeneratedApiKey(logger, generated, configured[0]);
        }
        else if (configured.Count > 0)
        {
            // A configured key may be a production secret: enough of it to recognise, not to use.
            Log.ConfiguredApiKey(logger, Mask(configured[0]), configured.Count);
        }
    }

    private void PrintDevelopment(string first)
    {
        if (environment.IsDevelopment() && http.Value.AllowLoopback)
        {
            Log.LoopbackAllowed(logger, LocalDevelopment.AllowLoopbackKey, first.TrimEnd('/') + LocalDevelopment.EchoPath);
        }
    }

    private static string Mask(string key) => key.Length <= 8 ? new string('*', key.Length) : $"{key[..4]}…{key[^2..]} ({key.Length} chars)";
}
