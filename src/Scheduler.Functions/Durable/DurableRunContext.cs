using Microsoft.DurableTask;
using Scheduler.Core.Resilience;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>Adapts <see cref="IRunContext"/> to a Durable orchestration: activities for steps, durable timers for long waits,
/// the replay-safe clock for now. A wait never suspends the run: the orchestration itself is durable.</summary>
/// <remarks>A wait costs at most one durable timer, whatever the machine's speed. On the Azure Storage backend a timer is a
/// queue message whose visibility delay is whole seconds, so it can fire up to a second early and, read by a poller backed
/// off while idle, late by the polling interval: a timer cannot give "never early, on time" alone, and looping on it until
/// the replay-safe clock reaches the instant made one orchestration episode per early firing (about six storage requests
/// each). So the last part of every wait, at most <see cref="InProcessWaitMax"/>, is held by the next attempt's activity in
/// its own process against its host's clock (<see cref="AttemptRequest.NotBeforeUtc"/>); a longer wait first sleeps on one
/// timer set <see cref="TimerLead"/> before the instant, so that neither the timer's nor the activity's polling makes it late.
/// Both are constants, not settings: an orchestration replays its waits, and a value changed between two replays of one
/// history would schedule a timer the history does not hold.</remarks>
internal sealed class DurableRunContext(TaskOrchestrationContext context, DurableWaits waits) : IRunContext
{
    /// <summary>Waits up to this long are held in the activity's process, never on a durable timer: the due-time wait of a run
    /// started a little early, a short retry backoff, a slot wait. A longer one keeps no worker busy until its last part.</summary>
    public static readonly TimeSpan InProcessWaitMax = TimeSpan.FromSeconds(5);

    /// <summary>A long wait's timer is set this long before its instant: more than a timer fires late by polling (host.json's
    /// <c>maxQueuePollingInterval</c>, 2 s), with the rest (at most this + 1 s, below <see cref="InProcessWaitMax"/>) held in process.</summary>
    public static readonly TimeSpan TimerLead = TimeSpan.FromSeconds(3);

    /// <summary>An activity that fails on a storage hiccup is tried again before the run's orchestration fails. The attempt
    /// step is idempotent per attempt number, so a retried activity never runs the target twice for one attempt. The waits are
    /// the host loops' <see cref="Backoff.Default"/>, run by Durable's timers.</summary>
    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: Backoff.Default.First, backoffCoefficient: 2, maxRetryInterval: Backoff.Default.Max));

    // The end of the last wait, which the next attempt's activity holds in its own process.
    private DateTimeOffset? notBefore;

    public DateTimeOffset UtcNow => new(context.CurrentUtcDateTime, TimeSpan.Zero);

    public Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var waited = request with { NotBeforeUtc = notBefore };
        notBefore = null;
        return context.CallActivityAsync<AttemptOutcome>(nameof(RunActivities.ExecuteAttempt), waited, ActivityRetry);
    }

    /// <summary>At most one timer for a long wait; the rest, even a wait that the replay-safe
    /// clock says is over, is the next activity's: its host's clock, not the orchestration's, decides "not before".</summary>
    public async Task<DateTimeOffset?> WaitUntil(DateTimeOffset instant)
    {
        if (waits == DurableWaits.TimersOnly)
        {
            while (UtcNow < instant)
            {
                await context.CreateTimer(instant.UtcDateTime, CancellationToken.None);
            }

            return null;
        }

        if (instant - UtcNow > InProcessWaitMax)
        {
            // One timer, never a loop: however early it fires, the activity's own clock holds the rest.
            await context.CreateTimer((instant - TimerLead).UtcDateTime, CancellationToken.None);
        }

        notBefore = notBefore is { } pending && pending > instant ? pending : instant;
        return null;
    }

    public bool TryContinueAsNew(RunStart restart)
    {
        context.ContinueAsNew(restart, preserveUnprocessedEvents: false);
        return true;
    }
}
