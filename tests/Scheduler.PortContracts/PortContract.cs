namespace Scheduler.PortContracts;

/// <summary>Base of a port's contract: each test asks for a new, empty store (<c>NewAsync</c>) and has a deadline.
/// A test project derives one sealed class per implementation, and xunit runs every inherited test against it.</summary>
public abstract class PortContract<TPort> : IDisposable
{
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));

    protected CancellationToken Ct => _deadline.Token;

    /// <summary>A store of its own for one test, holding nothing yet.</summary>
    protected abstract Task<TPort> NewAsync(CancellationToken cancellationToken);

    protected Task<TPort> NewAsync() => NewAsync(Ct);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _deadline.Dispose();
        }
    }
}
