using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Functions;

/// <summary>The Functions host's sweeps: the timer's, and the ones asked for between ticks (a job due within the lookahead, a
/// slot freed while due rows wait for one), run in the background one at a time. Kicks coalesce: any number during a sweep
/// cause one more sweep. Sweeps on other instances racing these are harmless (run ids are deterministic, writes conditional).</summary>
/// <remarks>Whether due rows wait for a slot is known from this instance's last sweep, which read every row due within the
/// lookahead: on one instance, whatever throttles rows is a sweep of its own, so that answer holds until its next sweep. An
/// instance whose last sweep is older than the lookahead (the timer fires on another instance, which may have throttled rows
/// since) sweeps when a slot frees: so a slot freed on any instance is used at once, and an instance that does not run the
/// timer sweeps for that at most once a lookahead while nothing waits.</remarks>
public sealed class FunctionsSweeps(Sweeper sweeper, TimeProvider time, SweepOptions options, ILogger<FunctionsSweeps> logger) : ISweepSignal
{
    // 0: idle; 1: sweeping; 2: sweeping, and asked again meanwhile.
    private int state;
    private Backlog? known;

    /// <summary>Sweeps now (the timer trigger's body) and remembers whether due rows are left waiting for a slot.</summary>
    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var report = await sweeper.SweepAsync(cancellationToken).ConfigureAwait(false);
        known = new Backlog(started, report.Count(RowOutcome.Throttled) > 0);
        return report;
    }

    public void Kick()
    {
        while (true)
        {
            var current = Volatile.Read(ref state);
            if (current == 2)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref state, current + 1, current) == current)
            {
                if (current == 0)
                {
                    _ = Task.Run(SweepWhileAskedAsync);
                }

                return;
            }
        }
    }

    /// <summary>A run gave its slot back: sweep now unless this instance's last sweep, within the lookahead, left no due row waiting.</summary>
    public void SlotFreed()
    {
        if (known is { Waiting: false } last && time.GetUtcNow() - last.SweptUtc <= options.Lookahead)
        {
            return;
        }

        Kick();
    }

    private async Task SweepWhileAskedAsync()
    {
        do
        {
            try
            {
                await SweepAsync(CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The timer sweep repairs whatever a failed kick left; the failure is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.KickFailed(logger, ex);
            }
        }
        while (Interlocked.Decrement(ref state) > 0);
    }

    private sealed record Backlog(DateTimeOffset SweptUtc, bool Waiting);
}
