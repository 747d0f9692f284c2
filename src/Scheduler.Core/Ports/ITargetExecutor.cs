using Scheduler.Core.Runs;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Ports;

/// <summary>Executes one attempt against one kind of target.</summary>
public interface ITargetExecutor
{
    /// <summary>The <see cref="TargetKinds"/> name this executor handles.</summary>
    string Kind { get; }

    /// <summary>Runs the attempt. Must not throw for target failures: report them in the result. Honour the token (timeout or cancel).</summary>
    Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken);
}
