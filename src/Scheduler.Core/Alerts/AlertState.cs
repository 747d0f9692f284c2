namespace Scheduler.Core.Alerts;

/// <summary>What a job's alerts remember between runs (one row in the job's partition, written with ETags): the failure streak,
/// whether the job is failing, each rule's last alert sent (its cooldown), the NoSuccessWithin deadlines armed and fired.</summary>
public sealed record AlertState
{
    /// <summary>How many runs recently applied are remembered, so that a run's alerts are decided once however often they are carried out.</summary>
    public const int RecentRuns = 16;

    public required string JobId { get; init; }
    /// <summary>Failed runs in a row, up to the last run applied.</summary>
    public int Streak { get; init; }
    /// <summary>The last run failed or a NoSuccessWithin alert fired, and no run succeeded since: the next success is a recovery.</summary>
    public bool Failing { get; init; }
    public DateTimeOffset? LastSuccessUtc { get; init; }
    /// <summary>When a NoSuccessWithin deadline was first armed (its window counts from here until a run succeeds).</summary>
    public DateTimeOffset? ArmedFromUtc { get; init; }
    /// <summary>The runs applied last, newest last.</summary>
    public IReadOnlyList<string> RecentRunIds { get; init; } = [];
    /// <summary>Per rule number, the last alert sent.</summary>
    public IReadOnlyDictionary<int, DateTimeOffset> LastSentUtc { get; init; } = new Dictionary<int, DateTimeOffset>();
    /// <summary>NoSuccessWithin rules whose deadline row exists.</summary>
    public IReadOnlyList<int> Armed { get; init; } = [];
    /// <summary>NoSuccessWithin rules that fired and wait for a success.</summary>
    public IReadOnlyList<int> Fired { get; init; } = [];
    /// <summary>Alerts recorded so far: the next one's place in the job's bounded history.</summary>
    public long Recorded { get; init; }
    public string? ETag { get; init; }

    public static AlertState Empty(string jobId) => new() { JobId = jobId };

    /// <summary>When the NoSuccessWithin deadline of a <paramref name="window"/> falls, if armed.</summary>
    public DateTimeOffset? DeadlineOf(TimeSpan window) => (LastSuccessUtc ?? ArmedFromUtc) is { } from ? from + window : null;
}
