using Scheduler.Core.Runs;

namespace Scheduler.Core.Jobs;

/// <summary>What a job with several parents and <c>require: all</c> keeps between their runs, on its own row (written with its
/// ETag): the matching run of each parent since its last run started this way, and the runs it decided to start whose due rows may
/// not be written yet.</summary>
public sealed record ParentArrivals
{
    public static readonly ParentArrivals None = new();

    /// <summary>Per parent job, its latest matching run since the child's last run started by all its parents (output left out:
    /// only the run that completes the set passes its output on).</summary>
    public IReadOnlyDictionary<string, RunParent> Arrived { get; init; } = new Dictionary<string, RunParent>(StringComparer.Ordinal);
    /// <summary>Per parent job, the latest of its runs counted, so that a follow-up carried out twice counts its run once.</summary>
    public IReadOnlyDictionary<string, string> Counted { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>Runs decided (their parents all arrived) whose due rows are written next, then removed from here.</summary>
    public IReadOnlyList<ChildRunStart> Starting { get; init; } = [];

    public bool IsEmpty => Arrived.Count == 0 && Counted.Count == 0 && Starting.Count == 0;

    /// <summary>The state once <paramref name="run"/> (ended matching its rule) has arrived: the same instance when it was counted
    /// already; otherwise with it counted, and, when every one of <paramref name="parents"/> has now arrived, a run decided
    /// (due at <paramref name="dueUtc"/>, started by <paramref name="run"/>) and the arrivals cleared.</summary>
    public ParentArrivals Arrive(RunParent run, DateTimeOffset dueUtc, IReadOnlyCollection<string> parents)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(parents);
        if (Counted.TryGetValue(run.JobId, out var counted) && string.CompareOrdinal(counted, run.RunId) >= 0)
        {
            return this;
        }

        var countedNow = new Dictionary<string, string>(Counted, StringComparer.Ordinal) { [run.JobId] = run.RunId };
        var arrived = new Dictionary<string, RunParent>(Arrived, StringComparer.Ordinal) { [run.JobId] = run with { Output = null } };
        if (!parents.All(arrived.ContainsKey))
        {
            return this with { Arrived = arrived, Counted = countedNow };
        }

        return this with
        {
            Arrived = new Dictionary<string, RunParent>(StringComparer.Ordinal),
            Counted = countedNow,
            Starting = [.. Starting, new ChildRunStart(dueUtc, run)],
        };
    }

    /// <summary>The state once the due rows of <paramref name="written"/> are written.</summary>
    public ParentArrivals Started(IReadOnlyCollection<ChildRunStart> written) =>
        this with { Starting = [.. Starting.Where(s => !written.Contains(s))] };
}
