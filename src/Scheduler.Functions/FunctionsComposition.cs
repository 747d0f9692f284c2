using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Hosting;
using Scheduler.Core.Alerts;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;
using Scheduler.Functions.Durable;
using Scheduler.Hosting;

namespace Scheduler.Functions;

/// <summary>The services the Functions app's functions receive: the shared engine and API handlers, and the host's sweeps
/// (the timer's, and the ones a new job or a freed slot asks for). Program.cs calls it; the tests host the same composition.</summary>
public static class FunctionsComposition
{
    /// <summary>The Functions host's <see cref="SweepOptions.StartAhead"/>: more than the runs-queue listener's polling (1 s) and
    /// Durable's (2 s) add before a run's activity holds the rest of its wait in process; at most
    /// <see cref="Durable.DurableRunContext.InProcessWaitMax"/> - 1 s (a visibility delay is whole seconds), so no timer is needed.</summary>
    public static readonly TimeSpan DefaultStartAhead = TimeSpan.FromSeconds(3);

    public static IServiceCollection AddSchedulerFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSchedulerEngine(configuration);
        services.AddSchedulerApi();
        services.PostConfigure<SweepOptions>(o => o.StartAhead ??= DefaultStartAhead);
        // Alert links point at the app's own dashboard unless Scheduler:Alerts:DashboardUrl says otherwise.
        services.PostConfigure<AlertOptions>(o => o.DashboardUrl ??= configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host
            && Uri.TryCreate($"https://{host}", UriKind.Absolute, out var url) ? url : null);
        services.AddSingleton<FunctionsSweeps>();
        services.AddSingleton<ISweepSignal>(sp => sp.GetRequiredService<FunctionsSweeps>());
        services.AddSingleton<DurableHistoryPurge>();
        return services;
    }
}
