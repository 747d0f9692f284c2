using Scheduler.Core.Runs;

namespace Scheduler.Core.Services;

/// <summary>A call to run a job now. <see cref="Parameters"/> null: the call sent no payload.</summary>
/// <param name="IdempotencyKey">The caller's key: a repeat with it answers the same run.</param>
/// <param name="FromOutside">The caller is an outside system by its credential (a job's trigger token), whatever it sent.</param>
public sealed record TriggerRequest(IReadOnlyDictionary<string, string>? Parameters = null, string? IdempotencyKey = null, bool FromOutside = false)
{
    public static readonly TriggerRequest Manual = new();

    /// <summary>Why the run exists: an outside system's call comes with a trigger token, or carries a payload or an Idempotency-Key
    /// (it retries, and sends data); an API key's call with neither is someone's "run now" (the dashboard, the CLI).</summary>
    public RunTrigger Trigger => FromOutside || Parameters is not null || !string.IsNullOrEmpty(IdempotencyKey) ? RunTrigger.External : RunTrigger.Manual;
}
