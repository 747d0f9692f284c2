using Scheduler.Core.FollowUps;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>The runs table in memory. Recording an attempt replaces the run and adds the attempt atomically:
/// a stale run ETag or an attempt number already recorded writes nothing. A run inserted with its job writes the job in
/// <paramref name="jobs"/> with it, both or neither; a run's follow-ups are written with it the same way.</summary>
public sealed partial class InMemoryRunStore(InMemoryJobStore? jobs = null) : InMemoryStore, IRunStore, IFollowUpStore
{
    private readonly SortedDictionary<(string JobId, string RunId, int Number), FollowUp> followUps = [];
    private readonly Dictionary<(string JobId, string RunId), Run> runs = [];
    private readonly Dictionary<(string JobId, string RunId), SortedDictionary<int, AttemptRecord>> attempts = [];
    private readonly ETags etags = new();

    public IReadOnlyList<Run> All => Locked(() => runs.Values.OrderBy(r => r.RunId, StringComparer.Ordinal).ToList());

    public Run Get(string runId) => Locked(() => runs.Values.Single(r => r.RunId == runId));

    public IReadOnlyList<AttemptRecord> AttemptsOf(string runId) =>
        Locked(() => attempts.Where(a => a.Key.RunId == runId).SelectMany(a => a.Value.Values).ToList());

    /// <summary>When set, the next insert writes the run but answers Conflict (Stale when written with its job), as a storage
    /// retry after a lost response does.</summary>
    public bool LoseNextInsertResponse { get; set; }

    public Task<Written> InsertAsync(Run run, CancellationToken cancellationToken) => Call(() =>
    {
        if (runs.ContainsKey((run.JobId, run.RunId)))
        {
            return Written.Conflict;
        }

        var written = Store(run);
        if (LoseNextInsertResponse)
        {
            LoseNextInsertResponse = false;
            return Written.Conflict;
        }

        return written;
    });

    public Task<RunWithJobWritten> InsertWithJobAsync(Run run, Job job, CancellationToken cancellationToken) => Call(() =>
    {
        var partition = jobs ?? throw new InvalidOperationException("This run store was made without the job store its partitions share.");
        var (jobWritten, runWritten) = partition.ReplaceTogether(job, () => runs.ContainsKey((run.JobId, run.RunId)) ? Written.Conflict : null, () => Store(run));
        if (jobWritten.Done && LoseNextInsertResponse)
        {
            // The storage client's retry of a transaction that landed: the job's ETag has moved on, so it answers 412.
            LoseNextInsertResponse = false;
            return new RunWithJobWritten(WriteOutcome.Stale);
        }

        return jobWritten.Done ? new RunWithJobWritten(WriteOutcome.Done, runWritten.ETag, jobWritten.ETag)
            : new RunWithJobWritten(runWritten.Outcome == WriteOutcome.Conflict ? WriteOutcome.Conflict : WriteOutcome.Stale);
    });

    public Task<Run?> GetAsync(string jobId, string runId, CancellationToken cancellationToken) => Call(() => runs.GetValueOrDefault((jobId, runId)));

    /// <summary>The continuation is the last run's place in the order (as the table's is), so a run created between two pages
    /// neither repeats nor hides one.</summary>
    public Task<Page<Run>> ListAsync(RunQuery query, CancellationToken cancellationToken) => Call(() =>
    {
        var matching = runs.Values
            .Where(r => r.CreatedUtc >= query.SinceUtc && r.CreatedUtc < query.UntilUtc && (query.Status is null || r.Status == query.Status))
            .Select(r => (Order: OrderKey(r), Run: r))
            .Where(r => query.Continuation is null || string.CompareOrdinal(r.Order, query.Continuation) > 0)
            .OrderBy(r => r.Order, StringComparer.Ordinal)
            .ToList();
        var page = matching.Take(query.Limit).ToList();
        return new Page<Run>([.. page.Select(r => r.Run)], matching.Count > query.Limit ? page[^1].Order : null);
    });

    public Task<bool> IsCancelRequestedAsync(string jobId, string runId, CancellationToken cancellationToken) =>
        Call(() => runs.GetValueOrDefault((jobId, runId))?.CancelRequested == true);

    public Task<RunSummary?> GetSummaryAsync(string jobId, string runId, CancellationToken cancellationToken) =>
        Call(() => runs.GetValueOrDefault((jobId, runId)) is { } run ? RunSummary.Of(run) : null);

    public Task<Written> ReplaceAsync(Run run, CancellationToken cancellationToken) => Call(() => Check(run) ?? Store(run));

    public Task<Written> RecordAttemptAsync(Run run, AttemptRecord attempt, CancellationToken cancellationToken) =>
        SettleAsync(run, attempt, [], cancellationToken);

    public Task<Written> SettleAsync(Run run, AttemptRecord? attempt, IReadOnlyList<FollowUp> followUps, CancellationToken cancellationToken)
    {
        if ((attempt is not null && (attempt.JobId != run.JobId || attempt.RunId != run.RunId)) || followUps.Any(f => f.JobId != run.JobId || f.RunId != run.RunId))
        {
            throw new ArgumentException($"A row written with run '{run.RunId}' belongs to another run.", nameof(attempt));
        }

        return Call(() =>
        {
            if (Check(run) is { } refused)
            {
                return refused;
            }

            if (!attempts.TryGetValue((run.JobId, run.RunId), out var recorded))
            {
                recorded = [];
                attempts[(run.JobId, run.RunId)] = recorded;
            }

            if ((attempt is not null && recorded.ContainsKey(attempt.Number)) || followUps.Any(f => this.followUps.ContainsKey(KeyOf(f))))
            {
                return Written.Conflict;
            }

            if (attempt is not null)
            {
                recorded[attempt.Number] = attempt;
            }

            foreach (var followUp in followUps)
            {
                this.followUps[KeyOf(followUp)] = followUp with { ETag = etags.Next() };
            }

            return Store(run);
        });
    }

    public Task<Page<Run>> ListByJobAsync(string jobId, int limit, string? continuation, CancellationToken cancellationToken) => Call(() =>
    {
        var newestFirst = runs.Values
            .Where(r => r.JobId == jobId && (continuation is null || string.CompareOrdinal(r.RunId, continuation) < 0))
            .OrderByDescending(r => r.RunId, StringComparer.Ordinal)
            .ToList();
        var page = newestFirst.Take(limit).ToList();
        return new Page<Run>(page, newestFirst.Count > limit ? page[^1].RunId : null);
    });

    public Task<IReadOnlyList<AttemptRecord>> ListAttemptsAsync(string jobId, string runId, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<AttemptRecord>>(() => attempts.TryGetValue((jobId, runId), out var recorded) ? recorded.Values.ToList() : []);

    public Task<IReadOnlyList<Run>> ListCreatedSinceAsync(DateTimeOffset sinceUtc, CancellationToken cancellationToken) =>
        Call<IReadOnlyList<Run>>(() => runs.Values.Where(r => r.CreatedUtc >= sinceUtc).ToList());

    /// <summary>The continuation is the last run's job and run ids, in ordinal order of both, as a scan of the table reads them.</summary>
    public Task<Page<RunKey>> ListEndedBeforeAsync(DateTimeOffset finishedBeforeUtc, int limit, string? continuation, CancellationToken cancellationToken) => Call(() =>
    {
        var matching = runs.Values
            .Where(r => r.Status.IsTerminal() && r.FinishedUtc < finishedBeforeUtc)
            .Select(r => (Order: r.JobId + "\n" + r.RunId, Key: KeyOf(r)))
            .Where(r => continuation is null || string.CompareOrdinal(r.Order, continuation) > 0)
            .OrderBy(r => r.Order, StringComparer.Ordinal)
            .ToList();
        var page = matching.Take(limit).ToList();
        return new Page<RunKey>([.. page.Select(r => r.Key)], matching.Count > limit ? page[^1].Order : null);
    });

    public Task<IReadOnlyList<RunKey>> ListKeysByJobAsync(string jobId, CancellationToken cancellationToken) => Call<IReadOnlyList<RunKey>>(() =>
        [.. runs.Values.Where(r => r.JobId == jobId).OrderByDescending(r => r.RunId, StringComparer.Ordinal).Select(KeyOf)]);

    public Task<int> DeleteAsync(string jobId, IReadOnlyCollection<string> runIds, CancellationToken cancellationToken) => Call(() =>
        runIds.Count(runId =>
        {
            attempts.Remove((jobId, runId));
            foreach (var key in followUps.Keys.Where(k => k.JobId == jobId && k.RunId == runId).ToList())
            {
                followUps.Remove(key);
            }

            return runs.Remove((jobId, runId));
        }));

    /// <summary>Attempt records stored, across runs.</summary>
    public int AttemptCount => Locked(() => attempts.Values.Sum(a => a.Count));

    private static RunKey KeyOf(Run run) => new(run.JobId, run.RunId, run.Status, run.FinishedUtc, run.FollowUpsPending);

    /// <summary>Ascending order of this key is newest first: inverted creation ticks, then job and run ids.</summary>
    private static string OrderKey(Run run) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateTimeOffset.MaxValue.UtcTicks - run.CreatedUtc.UtcTicks:D19}|{run.JobId}|{run.RunId}");

    private Written? Check(Run run) =>
        !runs.TryGetValue((run.JobId, run.RunId), out var current) ? Written.NotFound
        : run.ETag is not null && run.ETag != current.ETag ? Written.Stale
        : null;

    private Written Store(Run run)
    {
        var etag = etags.Next();
        runs[(run.JobId, run.RunId)] = run with { ETag = etag };
        return Written.Ok(etag);
    }
}
