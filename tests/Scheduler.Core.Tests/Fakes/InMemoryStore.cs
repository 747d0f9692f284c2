namespace Scheduler.Core.Tests.Fakes;

/// <summary>Base of the in-memory stores: every call is atomic under one lock and, when <see cref="Interleave"/> is on,
/// first yields so that concurrent callers (two sweeps) interleave between storage calls as they would against a real table.</summary>
public abstract class InMemoryStore
{
    private readonly Lock gate = new();

    public bool Interleave { get; set; }

    protected T Locked<T>(Func<T> body)
    {
        lock (gate)
        {
            return body();
        }
    }

    protected async Task<T> Call<T>(Func<T> body)
    {
        if (Interleave)
        {
            await Task.Yield();
        }

        return Locked(body);
    }

    protected Task Call(Action body) => Call(() =>
    {
        body();
        return true;
    });
}
