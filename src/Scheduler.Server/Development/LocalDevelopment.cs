using Microsoft.Extensions.Configuration.Memory;
using Scheduler.Targets.Http;

namespace Scheduler.Server.Development;

/// <summary>What the Server does differently in the Development environment, which is how <c>scripts/run.sh</c> starts it:
/// webhooks to this machine are allowed unless configured otherwise, and <see cref="EchoPath"/> answers them, so that a first
/// job works on a machine with no internet. Anywhere else the SSRF guard refuses loopback unless configured.</summary>
public static class LocalDevelopment
{
    /// <summary>An anonymous webhook sink that answers 200 with what it received and logs one line per call.</summary>
    public const string EchoPath = "/dev/echo";

    public static readonly string AllowLoopbackKey = $"{HttpTargetOptions.SectionName}:{nameof(HttpTargetOptions.AllowLoopback)}";

    /// <summary>Adds the Development defaults beneath every other configuration source, so that appsettings, the environment
    /// and the command line still decide (<c>Scheduler__Targets__Http__AllowLoopback=false</c> turns it off).</summary>
    public static void AddDefaults(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Environment.IsDevelopment())
        {
            return;
        }

        var defaults = new MemoryConfigurationSource { InitialData = [new(AllowLoopbackKey, "true")] };
        builder.Configuration.Sources.Insert(0, defaults);
    }

    public static void MapEcho(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Environment.IsDevelopment())
        {
            app.Map(EchoPath, EchoEndpoint.HandleAsync).AllowAnonymous().ExcludeFromDescription();
        }
    }
}
