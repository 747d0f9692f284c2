using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Scheduler.Bench.Infra;
using Scheduler.Core.Serialization;
using Scheduler.Storage;

namespace Scheduler.Bench.Scenarios;

/// <summary>Azurite's ceiling for one run's storage mix, through the raw SDK with no scheduler logic: per cycle the operations
/// that ops-per-run measures for a run dispatched with others (the 20-job case), in the same order and on rows of the same size:
/// sweep: read job, take slot (ETag), insert run, send message, update job (ETag);
/// worker: receive, read run, mark Running (ETag), batch (run settled + attempt row), release slot (ETag), delete message.
/// Left out: the per-sweep slot query and due-row batch delete (0.05 per run each with 20 runs a sweep, less with 64).</summary>
internal static class RawCycle
{
    public const int OpsPerCycle = 11;

    public static async Task<Result> RunAsync(int cycles, int inFlight)
    {
        await using var azurite = await BenchAzurite.StartAsync();
        var counter = new StorageRequestCounter();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(counter.PolicyFor("table"), HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        queueOptions.AddPolicy(counter.PolicyFor("queue"), HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(azurite.ConnectionString, tableOptions);
        var prefix = azurite.Options.TablePrefix;
        var jobs = service.GetTableClient(prefix + "jobs");
        var runs = service.GetTableClient(prefix + "runs");
        var slots = service.GetTableClient(prefix + "slots");
        var queue = new QueueClient(azurite.ConnectionString, "runs", queueOptions);
        await Task.WhenAll(jobs.CreateIfNotExistsAsync(), runs.CreateIfNotExistsAsync(), slots.CreateIfNotExistsAsync(), queue.CreateIfNotExistsAsync());

        // Rows of the real size: the job definition JSON is what the job and run rows carry.
        var definition = SchedulerJson.Serialize(Seeder.OnceJob("job-000000", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "http://127.0.0.1:40000/hook").Definition);
        var slotETags = new ETag[inFlight];
        var free = new ConcurrentQueue<int>(Enumerable.Range(0, inFlight));
        await Parallel.ForEachAsync(Enumerable.Range(0, cycles), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
            await jobs.AddEntityAsync(JobEntity(i, definition), ct));
        for (var s = 0; s < inFlight; s++)
        {
            slotETags[s] = (await slots.AddEntityAsync(SlotEntity(s, null), CancellationToken.None)).Headers.ETag!.Value;
        }

        using var ops = azurite.NewOpsCounter();
        counter.Reset();
        var emptyReceives = 0L;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, cycles), new ParallelOptions { MaxDegreeOfParallelism = inFlight }, async (i, ct) =>
        {
            free.TryDequeue(out var slot);
            var jobId = Id(i);
            var runId = jobId + ":0638000000000000000";
            // Sweep side.
            var job = (await jobs.GetEntityAsync<TableEntity>(jobId, "job", cancellationToken: ct)).Value;
            slotETags[slot] = (await slots.UpdateEntityAsync(SlotEntity(slot, runId), slotETags[slot], TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
            var run = RunEntity(jobId, runId, definition, "Queued");
            await runs.AddEntityAsync(run, ct);
            await queue.SendMessageAsync($"{{\"jobId\":\"{jobId}\",\"runId\":\"{runId}\"}}", ct);
            job["LastRunId"] = runId;
            job["Occurrences"] = 1;
            await jobs.UpdateEntityAsync(job, job.ETag, TableUpdateMode.Replace, ct);

            // Worker side.
            QueueMessage? message = null;
            while (message is null)
            {
                var received = await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1), ct);
                message = received.Value.FirstOrDefault();
                if (message is null)
                {
                    Interlocked.Increment(ref emptyReceives);
                    await Task.Delay(20, ct);
                }
            }

            var current = (await runs.GetEntityAsync<TableEntity>(jobId, runId, cancellationToken: ct)).Value;
            current["Status"] = "Running";
            current["StartedUtc"] = DateTimeOffset.UtcNow;
            var marked = await runs.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace, ct);
            current["AttemptCount"] = 1;
            current["Status"] = "Succeeded";
            current["FinishedUtc"] = DateTimeOffset.UtcNow;
            TableTransactionAction[] record =
            [
                new(TableTransactionActionType.UpdateReplace, current, marked.Headers.ETag!.Value),
                new(TableTransactionActionType.Add, new TableEntity(jobId, runId + "|a001") { ["RowType"] = "attempt", ["Status"] = "Succeeded", ["StartedUtc"] = DateTimeOffset.UtcNow, ["ResponseExcerpt"] = "ok" }),
            ];
            await runs.SubmitTransactionAsync(record, ct);
            slotETags[slot] = (await slots.UpdateEntityAsync(SlotEntity(slot, null), slotETags[slot], TableUpdateMode.Replace, ct)).Headers.ETag!.Value;
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            free.Enqueue(slot);
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var total = counter.Total;
        var byOp = ops.Snapshot();
        var result = new Result(cycles, inFlight, Math.Round(elapsed, 3), cycles / elapsed, total / elapsed, total / (double)cycles, emptyReceives, byOp, ProcStatus.LoadAverage());
        Report.Line($"{Report.N(cycles)} cycles in {Report.N(elapsed, 2)} s = {Report.N(result.CyclesPerSecond, 1)} cycles/s, {Report.N(result.OpsPerSecond)} storage ops/s, {Report.N(result.OpsPerCycle, 2)} ops per cycle ({emptyReceives} empty receives)");
        Report.Table(["operation (raw cycle)", "per cycle"], byOp.OrderByDescending(kv => kv.Value).Select(kv => (IReadOnlyList<string>)[kv.Key, Report.N(kv.Value / (double)cycles, 2)]));
        return result;
    }

    private static string Id(int i) => "job-" + i.ToString("D6", CultureInfo.InvariantCulture);

    private static TableEntity JobEntity(int i, string definition) => new(Id(i), "job")
    {
        ["Status"] = "Active",
        ["Lane"] = "default",
        ["Tags"] = "",
        ["NextDueUtc"] = DateTimeOffset.UtcNow,
        ["ScheduleVersion"] = DateTimeOffset.UtcNow.UtcTicks,
        ["Occurrences"] = 0,
        ["CreatedUtc"] = DateTimeOffset.UtcNow,
        ["UpdatedUtc"] = DateTimeOffset.UtcNow,
        ["Definition"] = definition,
    };

    private static TableEntity SlotEntity(int number, string? runId) => new("default", number.ToString("D4", CultureInfo.InvariantCulture))
    {
        ["RunId"] = runId,
        ["LeaseUntilUtc"] = runId is null ? null : DateTimeOffset.UtcNow.AddMinutes(3),
    };

    private static TableEntity RunEntity(string jobId, string runId, string definition, string status) => new(jobId, runId)
    {
        ["RowType"] = "run",
        ["Status"] = status,
        ["Trigger"] = "Schedule",
        ["Lane"] = "default",
        ["DueUtc"] = DateTimeOffset.UtcNow,
        ["CreatedUtc"] = DateTimeOffset.UtcNow,
        ["AttemptCount"] = 0,
        ["SlotLane"] = "default",
        ["SlotNumber"] = 0,
        ["Definition"] = definition,
    };

    internal sealed record Result(int Cycles, int InFlight, double Seconds, double CyclesPerSecond, double OpsPerSecond, double OpsPerCycle, long EmptyReceives, IReadOnlyDictionary<string, long> RequestsByOperation, double LoadAverage);
}
