using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;

namespace Scheduler.InProcess;

/// <summary>The <see cref="IRunContext"/> of a run taken from the runs queue on the Server: the run row and its recorded attempts
/// are the history. Recorded attempts replay with the clock at their finish time, so a restarted run resumes where it stopped;
/// a long wait suspends the run (its queue message comes back when the wait is over).</summary>
internal sealed class QueuedRunContext(AttemptStep attempts, IRunStore runs, TimeProvider time, RunOptions options, CancellationToken cancellationToken) : IRunContext
{
    private IReadOnlyList<AttemptRecord> history = [];
    private DateTimeOffset? replayClock;
    private bool loaded;
    // The run as this context last stored or read it: steps start from it instead of reading it again.
    private Run? current;

    public DateTimeOffset UtcNow => replayClock ?? time.GetUtcNow();

    public async Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!loaded)
        {
            await LoadAsync(request).ConfigureAwait(false);
        }

        if (history.FirstOrDefault(a => a.Number == request.Attempt) is { } recorded && current is not null)
        {
            replayClock = recorded.FinishedUtc;
            return AttemptOutcome.From(recorded.Result, recorded.Number, current.Definition.Retry, current.RunId);
        }

        replayClock = null;
        var result = await attempts.ExecuteAsync(request, current, SlotTenure.Queued, cancellationToken).ConfigureAwait(false);
        current = result.Run;
        return result.Outcome;
    }

    public async Task<DateTimeOffset?> WaitUntil(DateTimeOffset instant)
    {
        if (replayClock is not null)
        {
            // Replaying: a wait that ended in the past has already happened.
            replayClock = instant;
            if (instant <= time.GetUtcNow())
            {
                return null;
            }

            replayClock = null;
        }

        if (instant - time.GetUtcNow() > options.InlineDelayMax)
        {
            // Too long to hold here: the run's message comes back then.
            return instant;
        }

        await time.UntilAsync(instant, cancellationToken).ConfigureAwait(false);
        return null;
    }

    /// <summary>The Server keeps no history to shorten: a waiting run carries on in place (or is suspended to the queue).</summary>
    public bool TryContinueAsNew(RunStart restart) => false;

    /// <summary>Reads the run once; a run with recorded attempts replays them from its due time.</summary>
    private async Task LoadAsync(AttemptRequest request)
    {
        loaded = true;
        current = await runs.GetAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
        if (current is { AttemptCount: > 0 } && !current.Status.IsTerminal())
        {
            history = await runs.ListAttemptsAsync(request.JobId, request.RunId, cancellationToken).ConfigureAwait(false);
            replayClock = current.DueUtc;
        }
    }
}
