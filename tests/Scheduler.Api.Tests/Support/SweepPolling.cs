using System.Net;
using Scheduler.Testing;

namespace Scheduler.Api.Tests.Support;

/// <summary>Waits on the sweep's heartbeat (<c>lastSweepUtc</c> of <c>/api/health</c>: the instant a finished sweep began),
/// so that a test of "nothing was dispatched" first proves that a sweep looked after the instant that matters.</summary>
public static class SweepPolling
{
    /// <summary>Waits until a sweep that began after <paramref name="instant"/> has finished (its dispatches written).</summary>
    public static Task WaitForSweepAfterAsync(HttpClient client, DateTimeOffset instant) =>
        Eventually.GetAsync(
            async () => (await (await client.GetAsync("/api/health")).ExpectAsync(HttpStatusCode.OK))["lastSweepUtc"]?.GetValue<DateTimeOffset>(),
            last => last > instant,
            RunPolling.Timeout,
            TimeSpan.FromMilliseconds(200));
}
