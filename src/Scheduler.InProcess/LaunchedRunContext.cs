using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Workflow;

namespace Scheduler.InProcess;

/// <summary>The <see cref="IRunContext"/> of a run launched in process by the sweep that dispatched it: it starts from the run
/// as just inserted (no read), waits in process until the run is due, and hands anything later to the runs queue.</summary>
/// <remarks>The run has no queue message while it runs here: its slot (leased for this process, renewed while it runs) is its recovery path.
/// Before a retry gives the slot back, the resume message is sent, so the run is never without a durable way back.</remarks>
internal sealed class LaunchedRunContext(Run launched, AttemptStep attempts, IRunSender sender, TimeProvider time, CancellationToken cancellationToken) : IRunContext
{
    private Run? current;
    private bool attempted;
    private DateTimeOffset? resumeSentFor;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public async Task<AttemptOutcome> ExecuteAttempt(AttemptRequest request)
    {
        // The first attempt starts from the run as inserted; later ones from what the previous step stored (null: read it).
        var first = !attempted;
        attempted = true;
        var result = await attempts.ExecuteAsync(request, first ? launched : current, new LaunchedTenure(this, ownsSlot: first), cancellationToken).ConfigureAwait(false);
        current = result.Run;
        return result.Outcome;
    }

    public async Task<DateTimeOffset?> WaitUntil(DateTimeOffset instant)
    {
        if (instant <= UtcNow)
        {
            return null;
        }

        if (!attempted)
        {
            // The wait until due: the sweep launches at most its dispatch window ahead, and the held slot covers a crash meanwhile.
            await time.UntilAsync(instant, cancellationToken).ConfigureAwait(false);
            return null;
        }

        // Any later wait goes on through the queue: the message sent before a retry gave its slot back, or one sent now.
        if (resumeSentFor is { } sent)
        {
            return sent;
        }

        await sender.SendAsync(new RunMessage(launched.JobId, launched.RunId), instant - UtcNow, cancellationToken).ConfigureAwait(false);
        return instant;
    }

    /// <summary>No history to shorten here: a long wait goes through the queue instead.</summary>
    public bool TryContinueAsNew(RunStart restart) => false;

    /// <summary>Before a retry gives the slot back, the resume message is sent: the run is never without a durable way back.</summary>
    private async Task BeforeSlotReleaseAsync(AttemptOutcome outcome, CancellationToken token)
    {
        if (outcome.Kind != AttemptOutcomeKind.Retrying)
        {
            return;
        }

        var backoff = outcome.WaitFor ?? TimeSpan.Zero;
        await sender.SendAsync(new RunMessage(launched.JobId, launched.RunId), backoff, token).ConfigureAwait(false);
        resumeSentFor = UtcNow + backoff;
    }

    /// <summary>A launched run's slot: renewed by this process (its only lease), owned by the first step (the sweep took it).</summary>
    private sealed class LaunchedTenure(LaunchedRunContext context, bool ownsSlot) : SlotTenure
    {
        public override bool RenewsLease => true;
        public override bool OwnsSlot => ownsSlot;
        public override Task BeforeReleaseAsync(AttemptOutcome outcome, CancellationToken cancellationToken) => context.BeforeSlotReleaseAsync(outcome, cancellationToken);
    }
}
