namespace Scheduler.Targets;

/// <summary>
/// The per-attempt timeout, kept by the executor itself: the caller's token may carry the same limit, but only a
/// timer of our own tells a timeout (a retryable result) apart from the caller's cancellation (which propagates).
/// </summary>
internal sealed class AttemptDeadline : IDisposable
{
    private readonly CancellationTokenSource timeout;
    private readonly CancellationTokenSource linked;

    public AttemptDeadline(TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        Limit = limit;
        timeout = new CancellationTokenSource(limit, time);
        linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
    }

    public TimeSpan Limit { get; }

    public CancellationToken Token => linked.Token;

    public bool TimedOut => timeout.IsCancellationRequested;

    public void Dispose()
    {
        linked.Dispose();
        timeout.Dispose();
    }
}
