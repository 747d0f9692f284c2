using Scheduler.Core.Dispatch;
using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;

namespace Scheduler.Core.Dependencies;

/// <summary>Keeps each parent's <see cref="Job.Children"/> in step with the <c>after</c> lists that name it. The child's row is the
/// truth: a child is added to its parents before the child is written and removed after, so a parent's set may name a job that
/// does not (or no longer) name it, never miss one that does; such an id is ignored where it is used.</summary>
public sealed class ParentLinks(IJobStore jobs, JobCache cache)
{
    private const int MaxRaces = 8;

    /// <summary>Adds <paramref name="childId"/> to the children of each of <paramref name="parents"/> (a parent gone is skipped).</summary>
    public async Task LinkAsync(string childId, IEnumerable<string> parents, CancellationToken cancellationToken)
    {
        foreach (var parent in parents)
        {
            await ChangeAsync(parent, c => c.Contains(childId, StringComparer.Ordinal) ? null : [.. c, childId], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Removes <paramref name="childId"/> from the children of each of <paramref name="parents"/>.</summary>
    public async Task UnlinkAsync(string childId, IEnumerable<string> parents, CancellationToken cancellationToken)
    {
        foreach (var parent in parents)
        {
            await ChangeAsync(parent, c => c.Contains(childId, StringComparer.Ordinal) ? [.. c.Where(id => id != childId)] : null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The jobs that name <paramref name="parent"/> in their <c>after</c> list now: its children set, each checked against the child's row.</summary>
    public async Task<IReadOnlyList<Job>> ChildrenOfAsync(Job parent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var children = new List<Job>();
        foreach (var id in parent.Children)
        {
            if (await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } child && Names(child, parent.Id))
            {
                children.Add(child);
            }
        }

        return children;
    }

    /// <summary>Whether <paramref name="child"/>'s <c>after</c> list names <paramref name="parentId"/>.</summary>
    public static bool Names(Job child, string parentId) => child?.Definition.After.Any(r => r.Job == parentId) ?? false;

    /// <summary>Applies <paramref name="change"/> (null: nothing to change) to the parent's set, again on a fresh read when another write won.</summary>
    private async Task ChangeAsync(string parentId, Func<IReadOnlyList<string>, IReadOnlyList<string>?> change, CancellationToken cancellationToken)
    {
        for (var race = 0; race < MaxRaces; race++)
        {
            var parent = await jobs.GetAsync(parentId, cancellationToken).ConfigureAwait(false);
            if (parent is null || change(parent.Children) is not { } children)
            {
                return;
            }

            var changed = parent with { Children = children };
            var written = await jobs.ReplaceAsync(changed, cancellationToken).ConfigureAwait(false);
            if (written.Done)
            {
                cache.Put(changed with { ETag = written.ETag });
                return;
            }
        }

        throw new InvalidOperationException($"The children of job '{parentId}' kept changing while they were written; try again.");
    }
}
