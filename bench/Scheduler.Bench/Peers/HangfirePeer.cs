using System.Globalization;
using Hangfire;
using Hangfire.PostgreSql;

namespace Scheduler.Bench.Peers;

/// <summary><c>Scheduler.Bench peer-hangfire</c>: Hangfire with Hangfire.PostgreSql, <see cref="BackgroundJobServerOptions.WorkerCount"/>
/// = the budget, delayed jobs polled every second, queue long polling on. Each job POSTs to the sink.</summary>
internal static class HangfirePeer
{
    public const string Mode = "peer-hangfire";

    public static async Task RunAsync(string[] args)
    {
        var connectionString = PeerHost.Setting("PEER_DB");
        var budget = int.Parse(PeerHost.Setting("PEER_BUDGET"), CultureInfo.InvariantCulture);
        GlobalConfiguration.Configuration
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(options => options.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
                EnableLongPolling = true,
            });
        var client = new BackgroundJobClient();
        using var server = new BackgroundJobServer(new BackgroundJobServerOptions
        {
            WorkerCount = budget,
            SchedulePollingInterval = TimeSpan.FromSeconds(1),
        });
        await PeerHost.RunAsync(args, job =>
        {
            client.Schedule(() => SinkCall.PostAsync(job.Url), job.Due);
            return Task.CompletedTask;
        }, () =>
        {
            server.SendStop();
            return Task.CompletedTask;
        });
    }
}

/// <summary>Hangfire's job method (public static: Hangfire stores the call and invokes it in a worker).</summary>
public static class SinkCall
{
    public static async Task PostAsync(string url)
    {
        using var response = await PeerHost.Sink.PostAsync(new Uri(url), null);
    }
}
