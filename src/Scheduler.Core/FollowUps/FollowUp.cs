namespace Scheduler.Core.FollowUps;

/// <summary>Something to do once a run has ended (a notification today), stored beside the run, written in the run's settle.
/// <see cref="Number"/> is fixed by the job's definition, so <see cref="Id"/> is the same whoever carries it out, however often.</summary>
public sealed record FollowUp
{
    public required string JobId { get; init; }
    public required string RunId { get; init; }
    /// <summary>1-based; for a notification, the place of its rule in the job's <c>notify</c> list.</summary>
    public required int Number { get; init; }
    /// <summary>Which <see cref="Ports.IFollowUpHandler"/> carries it out (<see cref="FollowUpKinds"/>).</summary>
    public required string Kind { get; init; }
    /// <summary>What the handler acts on (a notification's URL).</summary>
    public required string Target { get; init; }
    /// <summary>Tries that failed so far.</summary>
    public int Tries { get; init; }
    public DateTimeOffset? LastTriedUtc { get; init; }
    public string? LastError { get; init; }
    /// <summary>Set once the tries ran out: the row stays as the record of a follow-up given up, no longer pending.</summary>
    public DateTimeOffset? GaveUpUtc { get; init; }
    public string? ETag { get; init; }

    /// <summary>The id a receiver drops repeats by: <c>{runId}/{number}</c>.</summary>
    public string Id => $"{RunId}/{Number}";
}
