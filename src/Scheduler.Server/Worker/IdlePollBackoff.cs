namespace Scheduler.Server.Worker;

/// <summary>The worker's wait after an empty receive: from <see cref="WorkerOptions.IdlePollInterval"/>, doubling after each
/// empty receive up to <see cref="WorkerOptions.MaxIdlePollInterval"/>; back to the first after a message or a wake.</summary>
internal sealed class IdlePollBackoff
{
    private readonly TimeSpan first;
    private readonly TimeSpan max;
    private TimeSpan next;

    public IdlePollBackoff(TimeSpan first, TimeSpan max)
    {
        this.first = first;
        this.max = max;
        next = first;
    }

    /// <summary>The wait after this empty receive; the one after the next is twice as long, up to the maximum.</summary>
    public TimeSpan Next()
    {
        var wait = next;
        next = next >= max / 2 ? max : next * 2;
        return wait;
    }

    /// <summary>A message came, or this process made one visible: poll at the short interval again, since more may follow
    /// (and Azurite shows a delayed message a few tens of milliseconds after its nominal time).</summary>
    public void Reset() => next = first;
}
