using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Schedules;
using Scheduler.Core.Targets;

namespace Scheduler.Targets.Tests.Support;

/// <summary>Attempts of a one-off job around a given target.</summary>
public static class Invocations
{
    public static readonly DateTimeOffset Due = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public static AttemptInvocation For(TargetSpec target, TimeSpan? timeout = null, int attempt = 1)
    {
        var job = new JobDefinition
        {
            Id = "job-1",
            Target = target,
            Schedule = new ScheduleSpec { Kind = ScheduleKind.Once, At = Due },
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        return new AttemptInvocation(job.Id, RunIds.For(job.Id, Due), attempt, job, Due);
    }

    public static JobDefinition Job(TargetSpec target) => For(target).Definition;
}
