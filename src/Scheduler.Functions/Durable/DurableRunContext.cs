using Microsoft.DurableTask;
using Scheduler.Core.Resilience;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>Adapts <see cref="IRunContext"/> to a Durable orchestration: activities for steps, durable timers for waits,
/// the replay-safe clock for now.</summary>
internal sealed class DurableRunContext(TaskOrchestrationContext context) : IRunContext
{
    /// <summary>An activity that fails on a storage hiccup is tried again before the run's orchestration fails. The attempt
    /// step is idempotent per attempt number, so a retried activity never runs the target twice for one attempt. The waits are
    /// the host loops' <see cref="Backoff.Default"/>, run by Durable's timers.</summary>
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: Backoff.Default.First, backoffCoefficient: 2, maxRetryInterval: Backoff.Default.Max));

    public DateTimeOffset UtcNow => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request) =>
        context.CallActivityAsync<AttemptOutcome>(nameof(RunActivities.ExecuteAttempt), request, ActivityRetry);

    /// <summary>Durable timers on the Azure Storage backend can fire up to a second early (a queue message's visibility
    /// delay is whole seconds), so the wait holds until the replay-safe clock has reached the instant.</summary>
    public async Task WaitUntil(DateTimeOffset instant)
    {
        while (UtcNow < instant)
        {
            await context.CreateTimer(instant.UtcDateTime, CancellationToken.None);
        }
    }

    public bool TryContinueAsNew(RunStart restart)
    {
        context.ContinueAsNew(restart, preserveUnprocessedEvents: false);
        return true;
    }
}
