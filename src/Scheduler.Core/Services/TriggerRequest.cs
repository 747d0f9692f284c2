using Scheduler.Core.Runs;

namespace Scheduler.Core.Services;

/// <summary>A call to run a job now. <see cref="Parameters"/> null: the call sent no payload.</summary>
/// <param name="IdempotencyKey">The caller's key: a repeat with it answers the same run.</param>
public sealed record TriggerRequest(IReadOnlyDictionary<string, string>? Parameters = null, string? IdempotencyKey = null)
{
    public static readonly TriggerRequest Manual = new();

    /// <summary>Why the run exists: an outside system's call carries a payload or an Idempotency-Key (it retries, and sends data);
    /// a call with neither is someone's "run now" (the dashboard, the CLI).</summary>
    public RunTrigger Trigger => Parameters is not null || !string.IsNullOrEmpty(IdempotencyKey) ? RunTrigger.External : RunTrigger.Manual;
}
