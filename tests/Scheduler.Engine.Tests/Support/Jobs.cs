using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

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

    /// <summary>Polls until the job has a run in a terminal status (the once job has exactly one run).</summary>
    public static async Task<Run> FinishedRunAsync(IRunStore runs, string jobId, TimeSpan within)
    {
        var deadline = DateTimeOffset.UtcNow + within;
        while (true)
        {
            var page = await runs.ListByJobAsync(jobId, 10, null, CancellationToken.None);
            if (page.Items.FirstOrDefault(r => r.Status.IsTerminal()) is { } run)
            {
                return run;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Job {jobId} has no finished run after {within}: {string.Join(", ", page.Items.Select(r => $"{r.RunId}={r.Status}"))}");
            }

            await Task.Delay(100);
        }
    }
}
