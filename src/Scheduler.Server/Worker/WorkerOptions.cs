namespace Scheduler.Server.Worker;

/// <summary>Settings of the run worker (section <c>Scheduler:Worker</c>).</summary>
public sealed class WorkerOptions
{
    public const string SectionName = "Scheduler:Worker";

    /// <summary>Runs processed at once.</summary>
    public int Parallelism { get; set; } = 16;
    /// <summary>Runs this Server's sweep dispatched that it runs in its own process at once (0: every run goes through the queue).</summary>
    public int InProcessRuns { get; set; } = 256;
    /// <summary>Wait between receives while the queue is empty.</summary>
    public TimeSpan IdlePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
    /// <summary>How long a received message stays hidden; renewed while its run is processed.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often the visibility of a message in process is renewed (well below <see cref="VisibilityTimeout"/>).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(20);
    /// <summary>Processing failures (exceptions, not failed attempts) of one message before it goes to the poison queue.</summary>
    public int MaxFailures { get; set; } = 5;
    /// <summary>How often the poison queue's depth is recorded.</summary>
    public TimeSpan PoisonCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<string> Validate()
    {
        if (Parallelism is < 1 or > 256)
        {
            yield return "Scheduler:Worker:Parallelism must be between 1 and 256.";
        }

        if (InProcessRuns is < 0 or > 4096)
        {
            yield return "Scheduler:Worker:InProcessRuns must be between 0 and 4096.";
        }

        if (IdlePollInterval <= TimeSpan.Zero || IdlePollInterval > TimeSpan.FromMinutes(1))
        {
            yield return "Scheduler:Worker:IdlePollInterval must be more than 0 and at most 1 minute.";
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(5) || VisibilityTimeout > TimeSpan.FromHours(1))
        {
            yield return "Scheduler:Worker:VisibilityTimeout must be between 5 seconds and 1 hour.";
        }

        if (RenewInterval <= TimeSpan.Zero || RenewInterval * 2 > VisibilityTimeout)
        {
            yield return "Scheduler:Worker:RenewInterval must be more than 0 and at most half of VisibilityTimeout.";
        }

        if (MaxFailures is < 1 or > 100)
        {
            yield return "Scheduler:Worker:MaxFailures must be between 1 and 100.";
        }

        if (PoisonCheckInterval < TimeSpan.FromSeconds(1))
        {
            yield return "Scheduler:Worker:PoisonCheckInterval must be at least 1 second.";
        }
    }
}
