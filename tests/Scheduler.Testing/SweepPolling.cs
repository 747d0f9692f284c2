namespace Scheduler.Testing;

/// <summary>Waits on the sweep's heartbeat (<c>lastSweepUtc</c> of <c>/api/health</c>: the instant a finished sweep began),
/// so that a test of "nothing was dispatched" first proves that a sweep looked after the instant that matters.</summary>
public static class SweepPolling
{
    /// <summary>Waits until a sweep that began after <paramref name="instant"/> has finished (its dispatches written).</summary>
    public static Task WaitForSweepAfterAsync(HttpClient client, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Eventually.GetAsync(
            async () =>
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative)).ConfigureAwait(false);
                return (await RunPolling.OkJsonAsync(response).ConfigureAwait(false))["lastSweepUtc"]?.GetValue<DateTimeOffset>();
            },
            last => last > instant,
            RunPolling.Timeout,
            TimeSpan.FromMilliseconds(200),
            $"a sweep begun after {instant:O}");
    }
}
