using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Scheduler.Core.Retention;

namespace Scheduler.Functions.Durable;

/// <summary>Keeps Durable's task hub small: purges the history and instance rows of orchestrations that ended (completed,
/// failed, terminated) and were created more than <see cref="RetentionOptions.DurableHistoryFor"/> ago. Running and pending
/// instances are never purged. A run's own row keeps what the run did; the orchestration's history only served its replay.</summary>
public sealed class DurableHistoryPurge(RetentionOptions options, TimeProvider time, ILogger<DurableHistoryPurge> logger)
{
    private static readonly OrchestrationRuntimeStatus[] Ended =
        [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];

    /// <summary>The purge's lower bound on creation time: before any Scheduler orchestration (the backend asks for one).</summary>
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Answers how many instances were purged.</summary>
    public async Task<int> PurgeAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var filter = new PurgeInstancesFilter(Epoch, time.GetUtcNow() - options.DurableHistoryFor, Ended);
        var result = await client.PurgeAllInstancesAsync(filter, cancellationToken).ConfigureAwait(false);
        if (result.PurgedInstanceCount > 0)
        {
            Log.DurableHistoryPurged(logger, result.PurgedInstanceCount, options.DurableHistoryFor);
        }

        return result.PurgedInstanceCount;
    }
}
