using System.Globalization;
using Quartz;

namespace Scheduler.Bench.Peers;

/// <summary><c>Scheduler.Bench peer-quartz</c>: Quartz.NET with its ADO job store on PostgreSQL, a thread pool of the budget's size,
/// trigger acquisition batched up to the budget. Each job POSTs to the sink.</summary>
internal static class QuartzPeer
{
    public const string Mode = "peer-quartz";

    public static async Task RunAsync(string[] args)
    {
        var connectionString = PeerHost.Setting("PEER_DB");
        var budget = int.Parse(PeerHost.Setting("PEER_BUDGET"), CultureInfo.InvariantCulture);
        var scheduler = await QuartzSchedulerBuilder.Create(quartz =>
        {
            quartz.ConfigureScheduler(options =>
            {
                options.InstanceName = "bench";
                options.MaxBatchSize = budget;
            });
            quartz.UseDefaultThreadPool(budget);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(connectionString);
                // Quartz 4 creates its own tables in the peer's empty database.
                store.ConfigureStore(options => options.SchemaProvisioning = SchemaProvisioning.CreateIfMissing);
                store.UseSystemTextJsonSerializer(_ => { });
            });
        }).BuildScheduler(CancellationToken.None);
        await scheduler.Start();
        await PeerHost.RunAsync(args, async job =>
        {
            var detail = JobBuilder.Create<SinkJob>().WithIdentity(job.Id).UsingJobData("url", job.Url).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(job.Id).StartAt(job.Due).Build();
            await scheduler.ScheduleJob(detail, trigger);
        }, async () => await scheduler.Shutdown(waitForJobsToComplete: false));
    }

    /// <summary>The job: one POST to the sink.</summary>
    internal sealed class SinkJob : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            using var response = await PeerHost.Sink.PostAsync(context.MergedJobDataMap.GetString("url"), null, cancellationToken);
        }
    }
}
