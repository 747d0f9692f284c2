using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;
using Scheduler.Testing;

namespace Scheduler.Engine.Tests.Support;

/// <summary>Job definitions and run polling for the engine tests.</summary>
public static class Jobs
{
    public static JobDefinition Webhook(string id, string url, DateTimeOffset at, RetryPolicy? retry = null, TimeSpan? timeout = null) => new()
    {
        Id = id,
        Target = new HttpTargetSpec { Url = url, Body = $$"""{"job":"{{id}}"}""" },
        Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = at },
        Retry = retry ?? new RetryPolicy { MaxAttempts = 3, FirstInterval = TimeSpan.FromSeconds(1), Coefficient = 1.0, Jitter = 0 },
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    /// <summary>Polls the store until the job has a run in a terminal status (the once job has exactly one run).</summary>
    public static async Task<Run> FinishedRunAsync(IRunStore runs, string jobId, TimeSpan within)
    {
        var page = await Eventually.GetAsync(
            () => runs.ListByJobAsync(jobId, 10, null, CancellationToken.None),
            p => p.Items.Any(r => r.Status.IsTerminal()),
            within,
            TimeSpan.FromMilliseconds(100),
            $"a finished run of {jobId}");
        return page.Items.First(r => r.Status.IsTerminal());
    }
}
