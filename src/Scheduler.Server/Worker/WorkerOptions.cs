namespace Scheduler.Server.Worker;

/// <summary>Settings of the run worker (section <c>Scheduler:Worker</c>), checked on start by <see cref="WorkerOptionsValidator"/>.</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Scheduler:Worker";

    /// <summary>Runs processed at once.</summary>
    public int Parallelism { get; set; } = 16;
    /// <summary>Runs this Server's sweep dispatched that it runs in its own process at once (0: every run goes through the queue).</summary>
    public int InProcessRuns { get; set; } = 256;
    /// <summary>Wait after the first empty receive; it doubles with each empty receive that follows, up to <see cref="MaxIdlePollInterval"/>.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>Longest wait between receives while the queue stays empty. Messages this process sends wake its worker when they
    /// become visible; a message another process sends (and does not take itself) waits up to this long (docs/ARCHITECTURE.md).</summary>
    public TimeSpan MaxIdlePollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>How long a received message stays hidden; renewed while its run is processed. It is also how long the
    /// runs of a crashed process wait before another worker takes them (and frees their slots): short, because a renewal
    /// costs one queue call per <see cref="RenewInterval"/> only while a run is held longer than that (docs/ARCHITECTURE.md).</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>How often the visibility of a message in process is renewed (at most half of <see cref="VisibilityTimeout"/>,
    /// so that one missed renewal does not lose the lease).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(3);
    /// <summary>Processing failures (exceptions, not failed attempts) of one message before it goes to the poison queue.</summary>
    public int MaxFailures { get; set; } = 5;
    /// <summary>How often the poison queue's depth is recorded.</summary>
    public TimeSpan PoisonCheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
