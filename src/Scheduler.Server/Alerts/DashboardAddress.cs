using Scheduler.Core.Alerts;

namespace Scheduler.Server.Alerts;

/// <summary>The dashboard's URL for alert links when <c>Scheduler:Alerts:DashboardUrl</c> is not set: the Server's first listening
/// URL (<c>urls</c>, as <c>--urls</c> or <c>ASPNETCORE_URLS</c> set it), a wildcard host read as localhost.</summary>
public static class DashboardAddress
{
    public static void Default(AlertOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var first = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (options.DashboardUrl is null && first is not null
            && Uri.TryCreate(first.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var url))
        {
            options.DashboardUrl = url;
        }
    }
}
