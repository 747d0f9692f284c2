using Scheduler.Core.Runs;

namespace Scheduler.Bench.Infra;

/// <summary>One of the two hosts running the same workload: jobs submitted through its own entry point, sweeps on its own
/// cadence, its run rows read back at the end.</summary>
internal interface IRunHost : IAsyncDisposable
{
    string Name { get; }

    /// <summary>A once-job due at <paramref name="dueUtc"/> (whole milliseconds); returns the id of the run it makes.</summary>
    Task<string> CreateOnceJobAsync(string id, string url, DateTimeOffset dueUtc);

    /// <summary>Starts sweeping (1 s tick, 5 s lookahead on both hosts).</summary>
    Task StartAsync();

    Task<IReadOnlyList<Run>> RunsCreatedSinceAsync(DateTimeOffset sinceUtc);
}
