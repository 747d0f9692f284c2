using System.Diagnostics;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.Bench.Infra;

/// <summary>Puts jobs into storage through the real adapters, as <c>JobService.CreateAsync</c> writes them (due row first, then
/// the job), without the API: fast, with a fixed number of jobs in flight.</summary>
internal static class Seeder
{
    public const string DefaultUrl = "https://example.test/hook";

    public static Job OnceJob(string id, DateTimeOffset dueUtc, DateTimeOffset nowUtc, string url = DefaultUrl) => new()
    {
        Definition = new JobDefinition
        {
            Id = id,
            Target = new HttpTargetSpec { Url = url },
            Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = dueUtc },
        },
        Status = JobStatus.Active,
        NextDueUtc = dueUtc,
        ScheduleVersion = ScheduleVersions.Next(0, nowUtc),
        CreatedUtc = nowUtc,
        UpdatedUtc = nowUtc,
    };

    /// <summary>Writes <paramref name="count"/> once-jobs (<c>{prefix}-{i}</c>) due at <paramref name="dueAt"/>(i),
    /// <paramref name="parallelism"/> jobs in flight. Returns the elapsed time.</summary>
    public static async Task<TimeSpan> SeedAsync(IJobStore jobs, IDueIndex due, string prefix, int count, Func<int, DateTimeOffset> dueAt,
        string url = DefaultUrl, int parallelism = 64, CancellationToken cancellationToken = default) =>
        (await SeedCountingAsync(jobs, due, prefix, count, dueAt, url, parallelism, cancellationToken)).Elapsed;

    /// <summary>As <see cref="SeedAsync"/>; when cancelled, stops and returns how many jobs were written until then.</summary>
    public static async Task<(TimeSpan Elapsed, int Written)> SeedCountingAsync(IJobStore jobs, IDueIndex due, string prefix, int count,
        Func<int, DateTimeOffset> dueAt, string url = DefaultUrl, int parallelism = 64, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var written = 0;
        try
        {
            await SeedCoreAsync(jobs, due, prefix, count, dueAt, url, parallelism, () => Interlocked.Increment(ref written), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Out of time: the caller measures with what was written.
        }

        return (clock.Elapsed, written);
    }

    private static async Task SeedCoreAsync(IJobStore jobs, IDueIndex due, string prefix, int count, Func<int, DateTimeOffset> dueAt,
        string url, int parallelism, Action done, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var now = DateTimeOffset.UtcNow;
            var at = dueAt(i);
            var job = OnceJob($"{prefix}-{i}", at, now, url);
            await due.AddAsync(DueEntryFactory.Scheduled(job, at, job.ScheduleVersion, now), ct);
            var written = await jobs.InsertAsync(job, ct);
            // Ids are unique to this seeding, so a conflict can only be our own insert that landed before its retry
            // (a slow Azurite makes the SDK time out and try again).
            if (!written.Done && written.Outcome != WriteOutcome.Conflict)
            {
                throw new InvalidOperationException($"Seeding job {job.Id}: {written.Outcome}.");
            }

            done();
        });
    }
}
