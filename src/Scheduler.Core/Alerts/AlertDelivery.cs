using Microsoft.Extensions.Logging;
using Scheduler.Core.FollowUps;
using Scheduler.Core.Ports;
using Scheduler.Core.Runs;
using Scheduler.Core.Telemetry;

namespace Scheduler.Core.Alerts;

/// <summary>Delivers recorded alerts still pending and records each delivery on its record: delivered, a failed try, or given up
/// after <see cref="FollowUpOptions.MaxTries"/>. Answers a failed result while one stays pending, for its carrier to try again.</summary>
public sealed class AlertDelivery(IAlertStore store, IRunStore runs, IAlertSender sender, AlertOptions options, FollowUpOptions followUps, TimeProvider time, ILogger<AlertDelivery> logger)
{
    public async Task<FollowUpResult> DeliverAsync(IReadOnlyList<AlertRecord> pending, string? jobName, Run? run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        if (pending.Count == 0)
        {
            return FollowUpResult.Ok;
        }

        var attempts = run is null ? [] : await runs.ListAttemptsAsync(run.JobId, run.RunId, cancellationToken).ConfigureAwait(false);
        string? error = null;
        foreach (var record in pending)
        {
            var message = AlertMessages.Of(record, jobName, run, attempts, options.DashboardUrl);
            var result = await sender.SendAsync(message, record.Url, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var tries = record.Tries + 1;
            var after = result.Done ? record with { DeliveredUtc = now, Tries = tries }
                : tries >= followUps.MaxTries ? record with { GaveUpUtc = now, Tries = tries, LastError = result.Error }
                : record with { Tries = tries, LastError = result.Error };
            if (after.GaveUpUtc is not null)
            {
                Log.AlertGaveUp(logger, record.Id, record.JobId, tries, result.Error);
            }
            else if (!result.Done)
            {
                Log.AlertDeliveryFailed(logger, record.Id, record.JobId, tries, result.Error);
                error ??= result.Error;
            }

            // Stale: another carrier recorded this delivery first, or the history overwrote it; the receiver drops a repeat by its id.
            await store.RecordDeliveryAsync(after, cancellationToken).ConfigureAwait(false);
        }

        return error is null ? FollowUpResult.Ok : FollowUpResult.Failed(error);
    }

    /// <summary>Logs what was decided: each alert sent or suppressed.</summary>
    public void Decided(IEnumerable<AlertRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        foreach (var record in records)
        {
            if (record.Sent)
            {
                Log.AlertSent(logger, record.Id, record.On.ToString(), record.JobId, record.Reason);
            }
            else
            {
                Log.AlertSuppressed(logger, record.Id, record.On.ToString(), record.JobId, record.Reason);
            }
        }
    }
}
