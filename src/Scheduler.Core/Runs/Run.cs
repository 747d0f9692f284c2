using Scheduler.Core.Jobs;

namespace Scheduler.Core.Runs;

/// <summary>One occurrence of a job, from dispatch to its terminal status.</summary>
public sealed record Run
{
    public required string JobId { get; init; }
    public required string RunId { get; init; }
    public required DateTimeOffset DueUtc { get; init; }
    public RunStatus Status { get; init; } = RunStatus.Queued;
    public RunTrigger Trigger { get; init; } = RunTrigger.Schedule;
    /// <summary>Parameter values and parent run, frozen at dispatch.</summary>
    public RunInputs Inputs { get; init; } = RunInputs.None;
    /// <summary>The job definition as it was when the occurrence was dispatched.</summary>
    public required JobDefinition Definition { get; init; }
    /// <summary>The job's children when the run was dispatched (<see cref="Job.Children"/>): those its end may start.</summary>
    public IReadOnlyList<string> Children { get; init; } = [];
    public DateTimeOffset CreatedUtc { get; init; }
    /// <summary>Attempts finished and recorded.</summary>
    public int AttemptCount { get; init; }
    /// <summary>The attempt started but not yet recorded, if any.</summary>
    public int? InFlightAttempt { get; init; }
    public DateTimeOffset? InFlightSinceUtc { get; init; }
    public DateTimeOffset? StartedUtc { get; init; }
    public DateTimeOffset? FinishedUtc { get; init; }
    /// <summary>Start of the first attempt minus the due time.</summary>
    public double? LatenessMs { get; init; }
    public string? LastError { get; init; }
    public string? ResultExcerpt { get; init; }
    public bool CancelRequested { get; init; }
    /// <summary>The concurrency slot this run holds, if any.</summary>
    public SlotHold? Slot { get; init; }
    /// <summary>The run ended with follow-ups still to carry out (rows of its own, written with its settle).</summary>
    public bool FollowUpsPending { get; init; }
    public string? ETag { get; init; }

    public string Lane => Definition.Lane;

    /// <summary>The run as it is while <paramref name="attempt"/> runs on <paramref name="slot"/>, started at <paramref name="now"/>:
    /// its first start and lateness (signed: an early start would be below zero) are kept from the first attempt.</summary>
    public Run Starting(int attempt, SlotHold slot, DateTimeOffset now) => this with
    {
        Status = RunStatus.Running,
        InFlightAttempt = attempt,
        InFlightSinceUtc = now,
        StartedUtc = StartedUtc ?? now,
        LatenessMs = LatenessMs ?? (now - DueUtc).TotalMilliseconds,
        Slot = slot,
    };
}
