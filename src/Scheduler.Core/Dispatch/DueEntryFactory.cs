using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Dispatch;

/// <summary>Builds due rows for a job's next occurrence or a run on demand.</summary>
public static class DueEntryFactory
{
    public static DueEntry Scheduled(Job job, DateTimeOffset dueUtc, long scheduleVersion, DateTimeOffset nowUtc) =>
        new(DueBuckets.For(dueUtc, nowUtc), job.Id, dueUtc, job.Definition.Priority, scheduleVersion, RunTrigger.Schedule, job.Definition.Lane);

    /// <summary>A run on demand (<paramref name="trigger"/> Manual or External) due at <paramref name="dueUtc"/>, with the values it was given.</summary>
    public static DueEntry OnDemand(Job job, DateTimeOffset dueUtc, DateTimeOffset nowUtc, RunTrigger trigger, RunInputs inputs) =>
        new(DueBuckets.For(dueUtc, nowUtc), job.Id, dueUtc, job.Definition.Priority, job.ScheduleVersion, trigger, job.Definition.Lane, Inputs: inputs);
}
