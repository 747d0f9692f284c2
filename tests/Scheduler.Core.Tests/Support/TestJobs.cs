using Scheduler.Core.Jobs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Tests.Support;

/// <summary>Valid job definitions and schedules to start tests from.</summary>
public static class TestJobs
{
    public static JobDefinition Http(string id, ScheduleSpec schedule) => new()
    {
        Id = id,
        Target = new HttpTargetSpec { Url = "https://example.com/hook", Body = "{}" },
        Schedule = schedule,
    };

    public static ScheduleSpec Once(DateTimeOffset at) => new() { Kind = ScheduleKind.Once, At = at };

    public static ScheduleSpec After(TimeSpan delay) => new() { Kind = ScheduleKind.Once, Delay = delay };

    public static ScheduleSpec Every(TimeSpan interval, DateTimeOffset? start = null) =>
        new() { Kind = ScheduleKind.Interval, Interval = interval, StartUtc = start };

    public static ScheduleSpec Cron(string cron, string? timeZone = null) =>
        new() { Kind = ScheduleKind.Cron, Cron = cron, TimeZone = timeZone };

    /// <summary>A retry policy without jitter, so delays are exact: 1 s, 2 s, 4 s...</summary>
    public static RetryPolicy ExactRetry(int maxAttempts) => new()
    {
        MaxAttempts = maxAttempts,
        FirstInterval = TimeSpan.FromSeconds(1),
        Coefficient = 2,
        MaxInterval = TimeSpan.FromMinutes(5),
        Jitter = 0,
    };
}
