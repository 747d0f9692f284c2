using Scheduler.Core.Jobs;
using Scheduler.Core.Ports;
using Scheduler.Core.Validation;

namespace Scheduler.Core.Dependencies;

/// <summary>The checks of a job's <c>after</c> list that need the stored jobs: each parent exists and has room for one more child,
/// and no parent runs (through its own parents) after this job, which would close a cycle.</summary>
public sealed class ParentChecks(IJobStore jobs)
{
    /// <summary>Jobs read at most while looking for a cycle; a graph deeper than that is refused as if it closed one.</summary>
    public const int MaxJobsWalked = 200;

    public async Task CheckAsync(JobDefinition job, ValidationErrors errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(errors);
        var walked = new Dictionary<string, Job?>(StringComparer.Ordinal);
        for (var i = 0; i < job.After.Count; i++)
        {
            var field = $"after[{i}].job";
            var parentId = job.After[i]?.Job;
            if (parentId is null || parentId == job.Id)
            {
                // Refused by AfterRules, which needs no read.
                continue;
            }

            var parent = await ReadAsync(parentId, walked, cancellationToken).ConfigureAwait(false);
            if (parent is null)
            {
                errors.Add(field, $"Job '{parentId}' does not exist: create it first, or leave it out of 'after'.");
                continue;
            }

            if (parent.Children.Count >= Limits.MaxChildren && !parent.Children.Contains(job.Id, StringComparer.Ordinal))
            {
                errors.Add(field, $"Job '{parentId}' already has {Limits.MaxChildren} children, the most a job may have.");
            }

            var path = await PathToAsync(parentId, job.Id, walked, cancellationToken).ConfigureAwait(false);
            if (path is not null)
            {
                // path runs from the parent up to this job through 'after' edges; runs flow the other way.
                var cycle = string.Join(" → ", Enumerable.Reverse(path).Append(job.Id));
                errors.Add(field, $"Running after '{parentId}' closes a cycle: {cycle}. Remove one of these edges.");
            }
        }
    }

    /// <summary>The chain of 'after' edges from <paramref name="from"/> up to <paramref name="target"/> (both included), or null when
    /// none leads there. Past <see cref="MaxJobsWalked"/> reads, a chain is assumed.</summary>
    private async Task<List<string>?> PathToAsync(string from, string target, Dictionary<string, Job?> walked, CancellationToken cancellationToken)
    {
        var cameFrom = new Dictionary<string, string?>(StringComparer.Ordinal) { [from] = null };
        var queue = new Queue<string>([from]);
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (id == target)
            {
                var path = new List<string>();
                for (string? at = id; at is not null; at = cameFrom[at])
                {
                    path.Insert(0, at);
                }

                return path;
            }

            if (walked.Count >= MaxJobsWalked && !walked.ContainsKey(id))
            {
                return [from, "…", target];
            }

            var job = await ReadAsync(id, walked, cancellationToken).ConfigureAwait(false);
            foreach (var parent in job?.Definition.After ?? [])
            {
                if (cameFrom.TryAdd(parent.Job, id))
                {
                    queue.Enqueue(parent.Job);
                }
            }
        }

        return null;
    }

    private async Task<Job?> ReadAsync(string id, Dictionary<string, Job?> walked, CancellationToken cancellationToken)
    {
        if (!walked.TryGetValue(id, out var job))
        {
            job = await jobs.GetAsync(id, cancellationToken).ConfigureAwait(false);
            walked[id] = job;
        }

        return job;
    }
}
