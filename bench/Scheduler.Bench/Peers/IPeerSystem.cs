namespace Scheduler.Bench.Peers;

/// <summary>One system under test, started fresh for one workload: its own process and its own store.</summary>
internal interface IPeerSystem : IAsyncDisposable
{
    /// <summary>Schedules the jobs through the system's own API.</summary>
    Task SubmitAsync(IReadOnlyList<PeerJob> jobs);

    /// <summary>CPU seconds of the system's process so far.</summary>
    double CpuSeconds();

    /// <summary>CPU seconds of its store (Azurite, or the PostgreSQL cluster) so far.</summary>
    double StoreCpuSeconds();

    /// <summary>Peak RSS of the system's process.</summary>
    long PeakRssBytes();

    /// <summary>How many of the jobs' runs the system has stored as succeeded, or null when it does not say.</summary>
    Task<int?> PersistedAsync(IReadOnlyList<PeerJob> jobs);
}
