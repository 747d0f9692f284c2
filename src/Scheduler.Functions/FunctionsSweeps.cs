using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Functions;

/// <summary>The Functions host's sweeps: the timer's, and the ones asked for between ticks (a job due within the lookahead, a
/// slot freed while due rows wait for one), run in the background one at a time. Kicks coalesce: any number during a sweep
/// cause one more sweep. Sweeps on other instances racing these are harmless (run ids are deterministic, writes conditional).</summary>
/// <remarks>Whether due rows wait for a slot is this instance's last sweep's answer (that sweep read every row due within the
/// lookahead), trusted for the lookahead. On one instance only its own sweeps throttle rows, so a freed slot is used at once.
/// An instance that has not swept for longer (the timer fires on another one) sweeps when a slot frees, at most once a
/// lookahead while nothing waits; one that swept recently trusts its answer, so a slot it frees while another instance's
/// sweep has throttled rows since waits for the next timer tick, as every freed slot did before.
/// The sweeper is resolved on first use: what it is built from (the slot repair's follow-up handlers) kicks sweeps through this
/// very signal, so taking it in the constructor would make the container build each from the other without end.</remarks>
public sealed class FunctionsSweeps(IServiceProvider services, TimeProvider time, SweepOptions options, ILogger<FunctionsSweeps> logger) : ISweepSignal
{
    private readonly Lazy<Sweeper> sweeper = new(services.GetRequiredService<Sweeper>);

    // 0: idle; 1: sweeping; 2: sweeping, and asked again meanwhile.
    private int state;
    private Backlog? known;

    /// <summary>Sweeps now (the timer trigger's body) and remembers whether due rows are left waiting for a slot.</summary>
    public async Task<SweepReport> SweepAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow();
        var report = await sweeper.Value.SweepAsync(cancellationToken).ConfigureAwait(false);
        Remember(new Backlog(started, report.Count(RowOutcome.Throttled) > 0));
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

    /// <summary>Keeps the answer of the sweep that started last: a timer sweep and a kicked one may overlap, and the older one,
    /// finishing later, must not say "nothing waits" over the newer one's rows left waiting.</summary>
    private void Remember(Backlog observed)
    {
        var current = Volatile.Read(ref known);
        while (current is null || current.SweptUtc <= observed.SweptUtc)
        {
            var seen = Interlocked.CompareExchange(ref known, observed, current);
            if (ReferenceEquals(seen, current))
            {
                return;
            }

            current = seen;
        }
    }

    private sealed record Backlog(DateTimeOffset SweptUtc, bool Waiting);
}
