using Microsoft.Extensions.Options;
using Scheduler.Core.Ports;
using Scheduler.Core.Targets;
using Scheduler.Targets.Command;

namespace Scheduler.Targets;

/// <summary>The executors this host runs, by kind: every registered one, except command targets unless
/// <c>Scheduler:Targets:Command:Enabled</c> is true. The only place that decides which kinds are enabled.</summary>
public sealed class TargetExecutorRegistry : ITargetExecutorRegistry
{
    /// <summary>The setting that enables command targets.</summary>
    public const string CommandEnabledSetting = CommandTargetOptions.SectionName + ":Enabled";

    private readonly Dictionary<string, ITargetExecutor> executors;

    public TargetExecutorRegistry(IEnumerable<ITargetExecutor> executors, IOptions<CommandTargetOptions> commandOptions)
    {
        ArgumentNullException.ThrowIfNull(commandOptions);
        var commandsEnabled = commandOptions.Value.Enabled;
        this.executors = executors
            .Where(e => commandsEnabled || e.Kind != TargetKinds.Command)
            .ToDictionary(e => e.Kind, StringComparer.Ordinal);
        EnabledKinds = new HashSet<string>(this.executors.Keys, StringComparer.Ordinal);
    }

    public IReadOnlySet<string> EnabledKinds { get; }

    public ITargetExecutor? Find(string kind) => executors.GetValueOrDefault(kind);

    public string NotEnabledReason(string kind)
    {
        var enabled = string.Join(", ", EnabledKinds.Order(StringComparer.Ordinal));
        return kind == TargetKinds.Command
            ? $"Targets of type '{kind}' are not enabled on this host (enabled: {enabled}); the host's setting {CommandEnabledSetting}=true enables them."
            : $"Targets of type '{kind}' are not enabled on this host (enabled: {enabled}).";
    }
}
