using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Scheduler.Storage.Queues;

/// <summary>Queue calls whose expected failures are return values.</summary>
internal static class QueueCalls
{
    /// <summary>A time-to-live of -1 s: the message never expires (a run must not vanish while it waits).</summary>
    public static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>Azure's visibility limit is 7 days; stay strictly below it.</summary>
    public static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1);

    /// <summary>False when the lease on the message was lost (someone else received it, or it is gone).</summary>
    public static async Task<bool> DeleteAsync(QueueClient queue, string messageId, string popReceipt, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (IsLeaseLost(e))
        {
            return false;
        }
    }

    /// <summary>The new pop receipt, or null when the lease on the message was lost.</summary>
    public static async Task<string?> UpdateAsync(QueueClient queue, string messageId, string popReceipt, BinaryData body, TimeSpan visibility, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await queue.UpdateMessageAsync(messageId, popReceipt, body, Clamp(visibility), cancellationToken).ConfigureAwait(false);
            return receipt.Value.PopReceipt;
        }
        catch (RequestFailedException e) when (IsLeaseLost(e))
        {
            return null;
        }
    }

    /// <summary>Clamped to [0, 7 days) and rounded down to whole seconds (the service's unit): the run workflow waits the
    /// sub-second rest in process, so a run starts on time instead of up to a second late.</summary>
    public static TimeSpan Clamp(TimeSpan visibility)
    {
        if (visibility <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var seconds = TimeSpan.FromSeconds(Math.Floor(visibility.TotalSeconds));
        return seconds > MaxVisibility ? MaxVisibility : seconds;
    }

    // Azure answers a stale pop receipt with 404 MessageNotFound, Azurite with 400 PopReceiptMismatch.
    private static bool IsLeaseLost(RequestFailedException e) =>
        e.Status == 404 || (e.Status == 400 && e.ErrorCode == QueueErrorCode.PopReceiptMismatch.ToString());
}
