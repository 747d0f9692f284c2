using Scheduler.Core.Ports;
using Scheduler.Core.Targets;

namespace Scheduler.Core.Workflow;

/// <summary>The host's executors, by target kind.</summary>
public sealed class TargetExecutors(IEnumerable<ITargetExecutor> executors)
{
    private readonly Dictionary<string, ITargetExecutor> byKind = executors.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public ITargetExecutor? For(TargetSpec target) => byKind.GetValueOrDefault(target.Kind);
}
