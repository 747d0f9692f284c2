using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>One step of the history: runs that reached each final status during it, and the lateness of the first attempts that
/// started during it.</summary>
public sealed record StatsPoint(DateTimeOffset StartUtc, IReadOnlyDictionary<RunStatus, long> Finished, LatenessView LatenessMs);
