using Scheduler.Core.Ports;
using Scheduler.Core.Runs;

namespace Scheduler.Core.Dependencies;

/// <summary>Where a parent's run and the child runs it started meet: a child run is due at the instant its parent's run finished,
/// so its id follows from the parent's run and the child's job, and the runs a run started are found by point reads.</summary>
public static class ChildRuns
{
    /// <summary>The due instant of any child run <paramref name="parent"/> starts.</summary>
    public static DateTimeOffset DueOf(Run parent)
    {
        ArgumentNullException.ThrowIfNull(parent);
        return parent.FinishedUtc ?? parent.DueUtc;
    }

    /// <summary>The runs <paramref name="parent"/> started (one per child it started; a child whose other parents had not all
    /// arrived yet has none), with their status and times.</summary>
    public static async Task<IReadOnlyList<RunSummary>> StartedByAsync(IRunStore runs, Run parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(parent);
        if (!parent.Status.IsTerminal() || parent.Children.Count == 0)
        {
            return [];
        }

        var due = DueOf(parent);
        var found = await Task.WhenAll(parent.Children.Select(child => runs.GetSummaryAsync(child, RunIds.For(child, due), cancellationToken))).ConfigureAwait(false);
        return [.. found.OfType<RunSummary>()];
    }
}
