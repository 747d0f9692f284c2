using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Scheduler.Core.Health;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Config;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Anonymous liveness: 200 while storage answers, 503 with the reason when it does not, always within
/// <see cref="StorageTimeout"/> whatever storage does (refuses, stalls, or was never reached).</summary>
public static class HealthEndpoints
{
    /// <summary>A healthy store answers a point read in milliseconds; a prober with a few seconds' timeout still gets the 503.</summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(2);

    // Health from a storage probe alone (the Functions host).
    public static Task<Results<Ok<HealthView>, ProblemHttpResult>> GetAsync(IConfigStore config, SweepOptions sweep, TimeProvider time, CancellationToken cancellationToken) =>
        CheckAsync(config, sweep, null, time, cancellationToken);

    // Health from the host's own view of storage first: while storage was never reached, 503 at once with the reason.
    public static Task<Results<Ok<HealthView>, ProblemHttpResult>> GetWithStatusAsync(IConfigStore config, SweepOptions sweep, StorageStatus storage, TimeProvider time, CancellationToken cancellationToken) =>
        CheckAsync(config, sweep, storage, time, cancellationToken);

    private static async Task<Results<Ok<HealthView>, ProblemHttpResult>> CheckAsync(IConfigStore config, SweepOptions sweep, StorageStatus? storage, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        if (storage is { IsReady: false })
        {
            return Unhealthy("Storage has not been reached since the start; the scheduler keeps trying and starts working when it answers.",
                storage.Current?.Reason ?? "starting", storage.Current, now);
        }

        SweepState state;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        try
        {
            // WaitAsync as well as the token: the answer comes on time even from a call that does not honour cancellation.
            state = await config.GetSweepStateAsync(timeout.Token).WaitAsync(StorageTimeout, time, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to read storage means: unhealthy. The cause is logged by the host's loops.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var reason = ex is OperationCanceledException or TimeoutException ? $"no answer within {StorageTimeout.TotalSeconds:0} s" : ex.GetType().Name;
            return Unhealthy("Storage is unreachable.", reason, storage?.Current, now);
        }

        var age = state.LastSweepUtc is { } last ? (now - last).TotalSeconds : (double?)null;
        var stale = TimeSpan.FromSeconds(Math.Max(60, 3 * sweep.Tick.TotalSeconds));
        var status = age is { } seconds && seconds <= stale.TotalSeconds ? "Healthy" : "Degraded";
        return TypedResults.Ok(new HealthView(status, true, state.LastSweepUtc, age, now));
    }

    private static ProblemHttpResult Unhealthy(string detail, string reason, StorageOutage? outage, DateTimeOffset now)
    {
        var extensions = new Dictionary<string, object?>
        {
            [ProblemMembers.Health] = "Unhealthy",
            [ProblemMembers.StorageReachable] = false,
            [ProblemMembers.Error] = reason,
            [ProblemMembers.CheckedUtc] = now,
        };
        if (outage is not null)
        {
            // Left out rather than null, as every other member without a value.
            extensions[ProblemMembers.LastStorageError] = outage.Reason;
            extensions[ProblemMembers.OutageSinceUtc] = outage.SinceUtc;
        }

        return Problems.Unavailable(detail, extensions);
    }
}
