using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>A run of a child job that a parent's run starts: due at <paramref name="DueUtc"/> (the parent run's finish, so that
/// the run id is the same however often it is decided), with <paramref name="Parent"/> as its lineage.</summary>
public sealed record ChildRunStart(DateTimeOffset DueUtc, RunParent Parent);
