namespace Scheduler.Core.Runs;

/// <summary>One recorded attempt of a run.</summary>
public sealed record AttemptRecord
{
    public required string JobId { get; init; }
    public required string RunId { get; init; }
    public required int Number { get; init; }
    public required DateTimeOffset StartedUtc { get; init; }
    public required DateTimeOffset FinishedUtc { get; init; }
    public required AttemptResult Result { get; init; }

    public TimeSpan Duration => FinishedUtc - StartedUtc;
}
