using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Ports;

/// <summary>Executes one attempt against one kind of target.</summary>
public interface ITargetExecutor
{
    /// <summary>The <see cref="TargetKinds"/> name this executor handles.</summary>
    string Kind { get; }

    /// <summary>Runs the attempt. Must not throw for target failures: report them in the result. Enforces the job's timeout itself
    /// (reported as <see cref="Runs.AttemptStatus.TimedOut"/>); the token, which allows a grace beyond it, means the run is abandoned.</summary>
    Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken);
}
