using Microsoft.AspNetCore.Http;
using Scheduler.Api.Http;
using Scheduler.Api.Models;
using Scheduler.Core.Dispatch;
using Scheduler.Core.Ports;

namespace Scheduler.Api.Endpoints;

/// <summary>Anonymous liveness: 200 while storage answers, 503 when it does not (within a few seconds).</summary>
public static class HealthEndpoints
{
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromSeconds(5);

    public static async Task<IResult> GetAsync(IConfigStore config, SweepOptions sweep, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StorageTimeout);
        Core.Config.SweepState state;
        try
        {
            state = await config.GetSweepStateAsync(timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure to read storage means: unhealthy. The cause is logged by the storage client.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            return Problems.Unavailable("Storage is unreachable.", new Dictionary<string, object?>
            {
                ["storageReachable"] = false,
                ["error"] = ex is OperationCanceledException ? $"no answer within {StorageTimeout.TotalSeconds:0} s" : ex.GetType().Name,
                ["checkedUtc"] = now,
            });
        }

        var age = state.LastSweepUtc is { } last ? (now - last).TotalSeconds : (double?)null;
        var stale = TimeSpan.FromSeconds(Math.Max(60, 3 * sweep.Tick.TotalSeconds));
        var status = age is { } seconds && seconds <= stale.TotalSeconds ? "Healthy" : "Degraded";
        return new EntityResult(new HealthView(status, true, state.LastSweepUtc, age, now), StatusCodes.Status200OK);
    }
}
