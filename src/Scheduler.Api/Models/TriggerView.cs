namespace Scheduler.Api.Models;

/// <summary>A manual run was requested. It is at <see cref="Location"/> when this answers, unless its lane is full or runs
/// wait for slots: then it appears there when the sweep gives it a slot.</summary>
public sealed record TriggerView(string JobId, string RunId, string Location);
