namespace Scheduler.Core.Ports;

/// <summary>The target executors this host runs, by kind: the one place that decides whether a kind is enabled. The job
/// validator refuses a job whose kind it does not find, and the attempt runner fails such an attempt, with the same sentence.</summary>
public interface ITargetExecutorRegistry
{
    /// <summary>The kinds this host runs.</summary>
    IReadOnlySet<string> EnabledKinds { get; }

    /// <summary>The executor of an enabled kind; null when this host does not run the kind.</summary>
    ITargetExecutor? Find(string kind);

    /// <summary>Why a kind is refused here: the kinds that run, and the setting that enables this one, if any.</summary>
    string NotEnabledReason(string kind);
}
