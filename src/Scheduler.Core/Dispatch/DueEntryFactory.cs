using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Dispatch;

/// <summary>Builds due rows for a job's next occurrence, a run on demand, or a run a parent's run starts.</summary>
public static class DueEntryFactory
{
    public static DueEntry Scheduled(Job job, DateTimeOffset dueUtc, long scheduleVersion, DateTimeOffset nowUtc) =>
        new(DueBuckets.For(dueUtc, nowUtc), job.Id, dueUtc, job.Definition.Priority, scheduleVersion, RunTrigger.Schedule, job.Definition.Lane);

    /// <summary>A run on demand (<paramref name="trigger"/> Manual or External) due at <paramref name="dueUtc"/>, with the values it was given.</summary>
    public static DueEntry OnDemand(Job job, DateTimeOffset dueUtc, DateTimeOffset nowUtc, RunTrigger trigger, RunInputs inputs) =>
        new(DueBuckets.For(dueUtc, nowUtc), job.Id, dueUtc, job.Definition.Priority, job.ScheduleVersion, trigger, job.Definition.Lane, Inputs: inputs);

    /// <summary>A child's run started by a parent's run: the key comes from <paramref name="start"/> alone, so writing it again
    /// (a follow-up carried out twice) writes the same row, which becomes the same run.</summary>
    public static DueEntry Parent(Job child, ChildRunStart start, DateTimeOffset nowUtc) =>
        new(DueBuckets.For(start.DueUtc, nowUtc), child.Id, start.DueUtc, child.Definition.Priority, child.ScheduleVersion, RunTrigger.Parent,
            child.Definition.Lane, Inputs: new RunInputs { Parent = start.Parent });
}
