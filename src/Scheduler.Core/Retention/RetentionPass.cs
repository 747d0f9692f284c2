using Microsoft.Extensions.Logging;
using Scheduler.Core.Ports;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Retention;

/// <summary>One pass of retention, as <see cref="RetentionOptions"/> says: ended runs with their attempts (by age, then by count
/// per job), per-minute counters, idempotency keys, audit entries. Each kind removes at most <see cref="RetentionOptions.MaxDeletesPerPass"/>,
/// a page at a time; the next pass goes on where a truncated one stopped. Hosts call it every <see cref="RetentionOptions.Interval"/>;
/// two hosts passing at once only repeat each other's reads (a row the other removed first is skipped).</summary>
public sealed class RetentionPass(RunRetention runRetention, IRunCounterStore counters, IIdempotencyStore keys, IAuditLog audit, RetentionOptions options, TimeProvider time, ILogger<RetentionPass> logger)
{
    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var budget = options.MaxDeletesPerPass;
        var runs = await runRetention.ExpireAsync(now - options.RunsFor, budget, cancellationToken).ConfigureAwait(false);
        if (options.RunsPerJob is { } keep)
        {
            runs += runs.Count < budget
                ? await runRetention.TrimAsync(keep, budget - runs.Count, cancellationToken).ConfigureAwait(false)
                : new Removal(0, true);
        }

        var minutes = await Removal.DrainAsync(
            (limit, ct) => counters.DeleteBeforeAsync(now - options.CountersFor, limit, ct), RunRetention.PageSize, budget, cancellationToken).ConfigureAwait(false);
        var claims = await Removal.DrainAsync(
            (limit, ct) => keys.ForgetClaimedBeforeAsync(now - options.IdempotencyKeysFor, limit, ct), RunRetention.PageSize, budget, cancellationToken).ConfigureAwait(false);
        var entries = await Removal.DrainAsync(
            (limit, ct) => audit.DeleteBeforeAsync(now - options.AuditFor, limit, ct), RunRetention.PageSize, budget, cancellationToken).ConfigureAwait(false);
        var report = new RetentionReport(runs.Count, minutes.Count, claims.Count, runs.More || minutes.More || claims.More || entries.More) { Audit = entries.Count };
        if (report is not { Runs: 0, Counters: 0, Keys: 0, Audit: 0 })
        {
            Log.RetentionPassed(logger, report.Runs, report.Counters, report.Keys, report.Audit, report.Truncated);
        }

        return report;
    }
}
