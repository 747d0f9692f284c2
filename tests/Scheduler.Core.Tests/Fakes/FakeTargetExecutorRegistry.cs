using Scheduler.Core.Ports;

namespace Scheduler.Core.Tests.Fakes;

/// <summary>A registry holding exactly the executors it is given: those kinds are enabled, every other one is not.</summary>
public sealed class FakeTargetExecutorRegistry(params ITargetExecutor[] executors) : ITargetExecutorRegistry
{
    private readonly Dictionary<string, ITargetExecutor> byKind = executors.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public IReadOnlySet<string> EnabledKinds => byKind.Keys.ToHashSet(StringComparer.Ordinal);

    public ITargetExecutor? Find(string kind) => byKind.GetValueOrDefault(kind);

    public string NotEnabledReason(string kind) => $"'{kind}' is not enabled in this test";

    /// <summary>Turns a kind off, as a host restarted with other settings would.</summary>
    public void Disable(string kind) => byKind.Remove(kind);
}
