using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>A notify handler that records every try (follow-up id and the run's status as the handler saw it) and fails the
/// number of tries a test asks for first.</summary>
public sealed class RecordingFollowUpHandler : IFollowUpHandler
{
    private readonly List<(string Id, RunStatus Status)> tries = [];
    private readonly Lock gate = new();

    public string Kind => FollowUpKinds.Notify;

    /// <summary>When set, the next try throws (after recording itself), as a process that dies mid-delivery stops the step.</summary>
    public bool DieNext { get; set; }

    /// <summary>How many of the coming tries fail.</summary>
    public int FailNext { get; set; }

    public IReadOnlyList<(string Id, RunStatus Status)> Tries
    {
        get
        {
            lock (gate)
            {
                return [.. tries];
            }
        }
    }

    public Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            tries.Add((followUp.Id, run.Status));
            if (DieNext)
            {
                DieNext = false;
                throw new OperationCanceledException("The process carrying out the follow-up died.");
            }

            if (FailNext > 0)
            {
                FailNext--;
                return Task.FromResult(FollowUpResult.Failed("HTTP 503"));
            }

            return Task.FromResult(FollowUpResult.Ok);
        }
    }
}
