using Scheduler.Core.Runs;

namespace Scheduler.Core.Alerts;

/// <summary>Builds the body of an alert from its record, the job and the run.</summary>
public static class AlertMessages
{
    /// <summary>Each attempt's error is cut to this many characters: 20 attempts stay well inside any receiver's limits.</summary>
    public const int MaxErrorChars = 1000;

    public static AlertMessage Of(AlertRecord record, string? jobName, Run? run, IReadOnlyList<AttemptRecord> attempts, Uri? dashboard)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(attempts);
        return new AlertMessage
        {
            Id = record.Id,
            On = record.On,
            Rule = record.Rule,
            Reason = record.Reason,
            AtUtc = record.AtUtc,
            JobId = record.JobId,
            JobName = jobName,
            Run = run is null ? null : new AlertRun(run.RunId, run.Status, run.DueUtc, run.StartedUtc, run.FinishedUtc,
                [.. attempts.OrderBy(a => a.Number).Select(a => new AlertAttempt(a.Number, a.Result.Status, a.Duration.TotalMilliseconds, Cut(a.Result.Error)))]),
            Link = LinkOf(dashboard, record.JobId, run?.RunId),
        };
    }

    /// <summary>The job's page on the dashboard (its runs and alerts), naming the run.</summary>
    public static string? LinkOf(Uri? dashboard, string jobId, string? runId)
    {
        if (dashboard is null)
        {
            return null;
        }

        var page = $"{dashboard.ToString().TrimEnd('/')}/#/jobs/{Uri.EscapeDataString(jobId)}";
        return runId is null ? page : $"{page}?run={Uri.EscapeDataString(runId)}";
    }

    private static string? Cut(string? error) => error is { Length: > MaxErrorChars } ? error[..MaxErrorChars] + "…" : error;
}
