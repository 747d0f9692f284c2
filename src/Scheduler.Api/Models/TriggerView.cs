namespace Scheduler.Api.Models;

/// <summary>A manual run was requested; it appears at <see cref="Location"/> once the next sweep dispatches it (within a tick).</summary>
public sealed record TriggerView(string JobId, string RunId, string Location);
