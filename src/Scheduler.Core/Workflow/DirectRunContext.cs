using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Workflow;

/// <summary>The Server's <see cref="IRunContext"/>: the run row and its recorded attempts are the history.
/// Recorded attempts replay with the clock at their finish time, so a restarted run resumes where it stopped;
/// a long wait suspends the run (the queue message comes back when the wait is over).</summary>
public sealed class DirectRunContext(RunSteps steps, AttemptStep attempts, IRunStore runs, TimeProvider time, RunOptions options, CancellationToken cancellationToken) : IRunContext
{
    private IReadOnlyList<AttemptRecord> history = [];
    private DateTimeOffset? replayClock;
    private string runId = "";
    // The run as this context last stored or read it: steps start from it instead of reading it again.
    private Run? current;

    public DateTimeOffset UtcNow => replayClock ?? time.GetUtcNow();

    public async Task<RunPlan> Begin(RunRef run)
    {
        runId = run.RunId;
        current = await runs.GetAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
        var plan = RunSteps.PlanFor(current);
        if (plan.Exists && plan.AttemptCount > 0)
        {
            history = await runs.ListAttemptsAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
            replayClock = plan.DueUtc;
        }

        return plan;
    }

    public async Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        if (history.FirstOrDefault(a => a.Number == request.Attempt) is { } recorded)
        {
            replayClock = recorded.FinishedUtc;
            return AttemptOutcome.From(recorded.Result);
        }

        replayClock = null;
        var result = await attempts.ExecuteAsync(request, current, cancellationToken).ConfigureAwait(false);
        current = result.Run;
        return result.Outcome;
    }

    public async Task Delay(TimeSpan delay)
    {
        var until = UtcNow + delay;
        var now = time.GetUtcNow();
        if (replayClock is not null)
        {
            // Replaying: a wait that ended in the past has already happened.
            replayClock = until;
            if (until <= now)
            {
                return;
            }

            replayClock = null;
        }

        var remaining = until - now;
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        if (remaining > options.InlineDelayMax)
        {
            throw new RunSuspendedException(runId, until);
        }

        await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
    }

    public Task<RunOutcome> Finalize(FinalizeRequest request) => steps.FinalizeAsync(request, current, cancellationToken);
}
