using Microsoft.Azure.Functions.Worker;
using Scheduler.Core.Ports;
using Scheduler.Core.Workflow;

namespace Scheduler.Functions.Durable;

/// <summary>The run's one step as an activity; idempotent per attempt number, as Durable activities run at least once. An
/// attempt that ran gave its slot back: due rows waiting for one are swept at once, whatever instance this is.</summary>
public sealed class RunActivities(AttemptStep attempts, ISweepSignal sweeps)
{
    [Function(nameof(ExecuteAttempt))]
    public async Task<AttemptOutcome> ExecuteAttempt([ActivityTrigger] AttemptRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await attempts.ExecuteAsync(request, context.CancellationToken).ConfigureAwait(false);
        if (outcome.Kind is AttemptOutcomeKind.Ended or AttemptOutcomeKind.Retrying)
        {
            sweeps.SlotFreed();
        }

        return outcome;
    }
}
