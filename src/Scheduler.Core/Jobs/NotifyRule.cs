using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>A run-end notification: when a run of the job ends as <see cref="On"/> says, a small JSON body is POSTed to <see cref="Url"/>.</summary>
public sealed record NotifyRule
{
    public NotifyOn On { get; init; } = NotifyOn.Failed;
    public required string Url { get; init; }

    /// <summary>Whether a run that ended as <paramref name="status"/> is reported by this rule.</summary>
    public bool Matches(RunStatus status) => On switch
    {
        NotifyOn.Failed => status == RunStatus.Failed,
        NotifyOn.Succeeded => status == RunStatus.Succeeded,
        _ => status.IsTerminal(),
    };
}
