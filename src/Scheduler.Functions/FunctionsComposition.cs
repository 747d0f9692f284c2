using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Scheduler.Api.Hosting;
using Scheduler.Core.Ports;
using Scheduler.Hosting;

namespace Scheduler.Functions;

/// <summary>The services the Functions app's functions receive: the shared engine and API handlers, and a sweep signal
/// that runs a sweep in the background. Program.cs calls it; the tests host the same composition.</summary>
public static class FunctionsComposition
{
    public static IServiceCollection AddSchedulerFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSchedulerEngine(configuration);
        services.AddSchedulerApi();
        services.AddSingleton<ISweepSignal, BackgroundSweepSignal>();
        return services;
    }
}
