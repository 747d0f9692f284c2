namespace Scheduler.Core.Dispatch;

/// <summary>The due instant of a run triggered on demand: now, but never the same tick twice in this process. A run's id and its
/// due row's key are its job and due instant, so two triggers of one job in one tick (two payloads at once) would otherwise
/// become one row and one run, the second payload silently replacing the first.</summary>
public sealed class TriggerInstants(TimeProvider time)
{
    private long last;

    public DateTimeOffset Next()
    {
        while (true)
        {
            var seen = Interlocked.Read(ref last);
            var next = Math.Max(time.GetUtcNow().UtcTicks, seen + 1);
            if (Interlocked.CompareExchange(ref last, next, seen) == seen)
            {
                return new DateTimeOffset(next, TimeSpan.Zero);
            }
        }
    }
}
