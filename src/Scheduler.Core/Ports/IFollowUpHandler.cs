using Scheduler.Core.FollowUps;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Ports;

/// <summary>Carries out the follow-ups of one kind. It may be called more than once for the same follow-up (a process that died
/// after doing it and before deleting its row): it passes <see cref="FollowUp.Id"/> on, so that its receiver can drop a repeat.
/// Failures come back as results; a follow-up never changes its run's outcome.</summary>
public interface IFollowUpHandler
{
    string Kind { get; }

    Task<FollowUpResult> CarryOutAsync(FollowUp followUp, Run run, CancellationToken cancellationToken);
}
