using Microsoft.Extensions.Logging;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.FollowUps;

/// <summary>Carries out an ended run's pending follow-ups, each through the handler of its kind, and closes each one done (its row
/// deleted; the run's pending flag cleared with the last, in the same write). Whoever sees the run first calls it: the process that
/// settled the run (before it gives the run's slot back), or the sweep that repairs the slot once that process is gone. A follow-up
/// carried out twice (a carrier that died before closing it) carries the same <see cref="FollowUp.Id"/>, for its receiver to drop.</summary>
public sealed class FollowUpRunner(IFollowUpStore store, IEnumerable<IFollowUpHandler> handlers, TimeProvider time, FollowUpOptions options, ILogger<FollowUpRunner> logger)
{
    private readonly Dictionary<string, IFollowUpHandler> byKind = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>How long a run whose follow-ups wait for another try keeps its slot (their anchor) before that try.</summary>
    public TimeSpan RetryDelay => options.RetryDelay;

    /// <summary>Tries every pending follow-up of <paramref name="run"/> once; returns the run as it stands afterwards: with
    /// <see cref="Run.FollowUpsPending"/> still set when one failed and waits for a later try.</summary>
    public async Task<Run> CarryOutAsync(Run run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!run.FollowUpsPending || !run.Status.IsTerminal())
        {
            return run;
        }

        var pending = await store.ListPendingAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
        if (pending.Count == 0)
        {
            // Another carrier closed the last one (and cleared the flag) after this copy of the run was read.
            return await ClosedAsync(run, null, true, cancellationToken).ConfigureAwait(false) ?? run;
        }

        var open = pending.Count;
        var after = run;
        foreach (var followUp in pending)
        {
            var closing = await TryAsync(followUp, run, cancellationToken).ConfigureAwait(false);
            if (closing is not null)
            {
                open--;
                after = await ClosedAsync(after, closing, open == 0, cancellationToken).ConfigureAwait(false) ?? after;
            }
        }

        return after;
    }

    /// <summary>One try; returns the follow-up to close (done, or given up after its last try), or null when it stays pending,
    /// its failed try recorded.</summary>
    private async Task<FollowUp?> TryAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        var known = byKind.TryGetValue(followUp.Kind, out var handler);
        var result = known
            ? await handler!.CarryOutAsync(followUp, run, cancellationToken).ConfigureAwait(false)
            : FollowUpResult.Failed($"No handler of kind '{followUp.Kind}' in this host.");
        if (result.Done)
        {
            return followUp;
        }

        var tried = followUp with { Tries = followUp.Tries + 1, LastTriedUtc = time.GetUtcNow(), LastError = result.Error };
        if (!known)
        {
            Log.FollowUpKindUnknown(logger, followUp.Id, followUp.Kind, run.RunId);
        }
        else if (tried.Tries < options.MaxTries)
        {
            Log.FollowUpFailed(logger, followUp.Id, followUp.Kind, run.RunId, tried.Tries, result.Error);
            await store.RecordTryAsync(tried, cancellationToken).ConfigureAwait(false);
            return null;
        }
        else
        {
            Log.FollowUpGaveUp(logger, followUp.Id, followUp.Kind, run.RunId, tried.Tries, result.Error);
        }

        return tried with { GaveUpUtc = tried.LastTriedUtc };
    }

    /// <summary>Closes <paramref name="followUp"/> (null: only the flag); returns the run with its flag cleared when this cleared it.</summary>
    private async Task<Run?> ClosedAsync(Run run, FollowUp? followUp, bool last, CancellationToken cancellationToken)
    {
        var written = await store.CloseAsync(run.JobId, run.RunId, followUp, last, cancellationToken).ConfigureAwait(false);
        return last && written.Done ? run with { FollowUpsPending = false, ETag = written.ETag } : null;
    }
}
