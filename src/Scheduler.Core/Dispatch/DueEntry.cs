using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Dispatch;

/// <summary>A row of the due index: one occurrence waiting to be dispatched.</summary>
/// <param name="Bucket">Partition: the UTC minute of the occurrence, never earlier than the minute it was inserted in.</param>
/// <param name="Lane">The job's lane when the row was written (a lane change bumps the schedule version), so a sweep can budget before reading jobs.</param>
/// <param name="WrittenUtc">When storage wrote the row (its timestamp); null before it is stored.</param>
/// <param name="ETag">The row's version as read; a removal of a row read with one removes only that version.</param>
/// <param name="Inputs">Parameters and parent run for the run this row becomes (null: none).</param>
public sealed record DueEntry(string Bucket, string JobId, DateTimeOffset DueUtc, int Priority, long ScheduleVersion, RunTrigger Trigger, string Lane = JobDefinition.DefaultLane, DateTimeOffset? WrittenUtc = null, string? ETag = null, RunInputs? Inputs = null);
