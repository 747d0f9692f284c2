namespace Scheduler.Targets.Queue;

/// <summary>Settings of queue targets, bound from <c>Scheduler:Targets:Queue</c>.</summary>
public sealed class QueueTargetOptions
{
    public const string SectionName = "Scheduler:Targets:Queue";

    /// <summary>
    /// The storage account's connection string, for hosts that use one (Azurite, local runs). Hosts that use a managed
    /// identity register their own <see cref="IQueueClientFactory"/> instead.
    /// </summary>
    public string? ConnectionString { get; set; }
}
