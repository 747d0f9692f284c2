using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Targets.Command;

namespace Scheduler.Targets;

/// <summary>Picks the executor of an attempt by its target's kind; command targets count only where the host enables them.</summary>
public sealed class TargetExecutorRegistry
{
    private readonly Dictionary<string, ITargetExecutor> executors;

    public TargetExecutorRegistry(IEnumerable<ITargetExecutor> executors, IOptions<CommandTargetOptions> commandOptions)
    {
        var commandsEnabled = commandOptions.Value.Enabled;
        this.executors = executors
            .Where(e => commandsEnabled || e.Kind != Core.Targets.TargetKinds.Command)
            .ToDictionary(e => e.Kind, StringComparer.Ordinal);
        EnabledKinds = new HashSet<string>(this.executors.Keys, StringComparer.Ordinal);
    }

    /// <summary>The kinds this host runs, for <see cref="Core.Validation.JobValidator"/>.</summary>
    public IReadOnlySet<string> EnabledKinds { get; }

    public ITargetExecutor? Find(string kind) => executors.GetValueOrDefault(kind);

    /// <summary>Runs the attempt on its kind's executor; a kind this host does not run is a non-retryable failure.</summary>
    public Task<AttemptResult> ExecuteAsync(AttemptInvocation invocation, CancellationToken cancellationToken)
    {
        var kind = invocation.Definition.Target.Kind;
        return Find(kind) is { } executor
            ? executor.ExecuteAsync(invocation, cancellationToken)
            : Task.FromResult(AttemptResult.Failure($"targets of type '{kind}' are not enabled on this host", retryable: false));
    }
}
