using Scheduler.Core.Jobs;
using Scheduler.Core.Runs;

namespace Scheduler.Api.Models;

/// <summary>A run (one occurrence of a job). <see cref="Attempts"/> and <see cref="Definition"/> appear when one run is read.</summary>
/// <param name="Started">The child runs this run started (a read run carries it when there are any); the run that started this
/// one is <c>inputs.parent</c>.</param>
/// <param name="FollowUpsPending">The run ended and its follow-ups (run-end notifications) are not all carried out yet.</param>
/// <param name="Parameters">The parameter values the run was frozen with at dispatch (defaults included); absent when it has none.</param>
/// <param name="Parent">The run whose end started this one (when <see cref="Trigger"/> is Parent), with its status and output.</param>
public sealed record RunView(
    string JobId,
    string RunId,
    RunStatus Status,
    RunTrigger Trigger,
    string Lane,
    DateTimeOffset DueUtc,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? StartedUtc,
    DateTimeOffset? FinishedUtc,
    int AttemptCount,
    int? InFlightAttempt,
    double? LatenessMs,
    string? LastError,
    string? ResultExcerpt,
    bool CancelRequested,
    SlotHold? Slot,
    bool FollowUpsPending,
    JobDefinition? Definition = null,
    IReadOnlyList<AttemptView>? Attempts = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    RunParent? Parent = null,
    IReadOnlyList<RunSummary>? Started = null)
{
    public static RunView From(Run run, IReadOnlyList<AttemptRecord>? attempts = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.JobId, run.RunId, run.Status, run.Trigger, run.Lane, run.DueUtc, run.CreatedUtc, run.StartedUtc, run.FinishedUtc,
            run.AttemptCount, run.InFlightAttempt, run.LatenessMs, run.LastError, run.ResultExcerpt, run.CancelRequested, run.Slot, run.FollowUpsPending,
            attempts is null ? null : run.Definition,
            attempts?.OrderBy(a => a.Number).Select(AttemptView.From).ToList(),
            run.Inputs.Parameters.Count == 0 ? null : run.Inputs.Parameters,
            run.Inputs.Parent);
    }
}
