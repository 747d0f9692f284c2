namespace Scheduler.Core.Workflow;

/// <summary>Execute attempt <paramref name="Attempt"/> (1-based) of a run; idempotent per attempt number.</summary>
/// <param name="NotBeforeUtc">The end of the workflow's last wait, when the host left its last part to the step: the step
/// waits in its own process until the host clock reaches it (the Durable path, where a timer is seconds coarse).</param>
public sealed record AttemptRequest(string JobId, string RunId, int Attempt, DateTimeOffset? NotBeforeUtc = null);
