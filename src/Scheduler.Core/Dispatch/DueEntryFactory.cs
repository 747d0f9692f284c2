using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Dispatch;

/// <summary>Builds due rows for a job's next occurrence or a manual trigger.</summary>
public static class DueEntryFactory
{
    public static DueEntry Scheduled(Job job, DateTimeOffset dueUtc, long scheduleVersion, DateTimeOffset nowUtc) =>
        new(DueBuckets.For(dueUtc, nowUtc), job.Id, dueUtc, job.Definition.Priority, scheduleVersion, RunTrigger.Schedule, job.Definition.Lane);

    public static DueEntry Manual(Job job, DateTimeOffset nowUtc) =>
        new(DueBuckets.For(nowUtc, nowUtc), job.Id, nowUtc, job.Definition.Priority, job.ScheduleVersion, RunTrigger.Manual, job.Definition.Lane);
}
